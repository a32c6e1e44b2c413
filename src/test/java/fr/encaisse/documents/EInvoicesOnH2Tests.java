package fr.encaisse.documents;

import fr.encaisse.support.OnH2;

@OnH2
class EInvoicesOnH2Tests extends EInvoicesContract {
}
