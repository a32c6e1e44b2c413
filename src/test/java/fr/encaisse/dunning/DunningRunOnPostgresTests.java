package fr.encaisse.dunning;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class DunningRunOnPostgresTests extends DunningRunContract {
}
