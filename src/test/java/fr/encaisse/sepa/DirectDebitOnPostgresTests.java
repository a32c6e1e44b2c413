package fr.encaisse.sepa;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class DirectDebitOnPostgresTests extends DirectDebitContract {
}
