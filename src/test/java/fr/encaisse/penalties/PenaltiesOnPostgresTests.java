package fr.encaisse.penalties;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class PenaltiesOnPostgresTests extends PenaltiesContract {
}
