package fr.encaisse.recovery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The debtor contests an invoice ({@code invoiceId}) or its whole account (null). */
public record Dispute(UUID id, UUID debtorId, UUID invoiceId, String reason, LocalDate openedOn, Status status,
                      String resolution, OffsetDateTime resolvedAt, String createdBy) {

    public enum Status { OPEN, RESOLVED }
}
