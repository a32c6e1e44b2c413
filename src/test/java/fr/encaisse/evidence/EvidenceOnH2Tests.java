package fr.encaisse.evidence;

import fr.encaisse.support.OnH2;

@OnH2
class EvidenceOnH2Tests extends EvidenceContract {
}
