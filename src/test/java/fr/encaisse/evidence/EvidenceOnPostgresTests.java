package fr.encaisse.evidence;

import fr.encaisse.support.OnPostgres;

@OnPostgres
class EvidenceOnPostgresTests extends EvidenceContract {
}
