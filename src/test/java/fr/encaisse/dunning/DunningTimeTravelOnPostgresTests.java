package fr.encaisse.dunning;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class DunningTimeTravelOnPostgresTests extends DunningTimeTravelContract {
}
