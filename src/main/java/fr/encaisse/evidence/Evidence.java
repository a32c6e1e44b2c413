package fr.encaisse.evidence;

import java.util.List;
import java.util.UUID;

/** Records acts in the current tenant's journal and proves the journal intact. */
public interface Evidence {

    /**
     * Appends an entry for the current tenant and actor, in the caller's transaction: the act
     * and its evidence commit or roll back together.
     *
     * @param details a stable textual description (JSON) of what happened
     */
    EvidenceEntry record(String subjectType, UUID subjectId, String action, String details);

    List<EvidenceEntry> forSubject(UUID subjectId);

    /** Recomputes the current tenant's whole chain. */
    ChainVerification verify();
}
