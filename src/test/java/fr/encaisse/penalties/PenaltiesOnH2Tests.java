package fr.encaisse.penalties;

import fr.encaisse.support.OnH2;

@OnH2
class PenaltiesOnH2Tests extends PenaltiesContract {
}
