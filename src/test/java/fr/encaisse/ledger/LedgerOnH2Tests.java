package fr.encaisse.ledger;

import fr.encaisse.support.OnH2;

@OnH2
class LedgerOnH2Tests extends LedgerContract {
}
