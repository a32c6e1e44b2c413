package fr.encaisse.ledger;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class LedgerOnPostgresTests extends LedgerContract {
}
