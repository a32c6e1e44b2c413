package fr.encaisse.sepa;

import fr.encaisse.support.OnH2;

@OnH2
class MandateOnH2Tests extends MandateContract {
}
