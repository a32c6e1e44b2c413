package fr.encaisse.documents;

import java.util.UUID;

/** A document was generated or received and stored (the evidence journal holds its hash too). */
public record DocumentGenerated(UUID tenantId, UUID documentId, UUID debtorId, UUID invoiceId, DocumentKind kind,
                                String sha256) {
}
