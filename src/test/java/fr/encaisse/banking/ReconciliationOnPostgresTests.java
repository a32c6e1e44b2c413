package fr.encaisse.banking;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class ReconciliationOnPostgresTests extends ReconciliationContract {
}
