package fr.encaisse.recovery;

import fr.encaisse.support.OnH2;

@OnH2
class RecoveryOnH2Tests extends RecoveryContract {
}
