package fr.encaisse.banking;

import fr.encaisse.support.OnH2;

@OnH2
class ReconciliationOnH2Tests extends ReconciliationContract {
}
