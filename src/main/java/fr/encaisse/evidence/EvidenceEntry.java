package fr.encaisse.evidence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One link of a tenant's evidence chain. */
public record EvidenceEntry(
        long position,
        OffsetDateTime occurredAt,
        String actor,
        String subjectType,
        UUID subjectId,
        String action,
        String details,
        String previousHash,
        String hash) {
}
