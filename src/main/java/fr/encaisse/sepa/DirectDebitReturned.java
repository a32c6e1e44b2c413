package fr.encaisse.sepa;

import java.util.UUID;

/** A collection came back unpaid (rejected or returned) and was routed. */
public record DirectDebitReturned(UUID tenantId, UUID debitId, UUID invoiceId, String reasonCode, ReturnRoute route,
        boolean mandateRevoked) {
}
