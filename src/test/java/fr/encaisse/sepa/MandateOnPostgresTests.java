package fr.encaisse.sepa;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class MandateOnPostgresTests extends MandateContract {
}
