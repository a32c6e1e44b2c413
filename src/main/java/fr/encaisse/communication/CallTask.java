package fr.encaisse.communication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A call to make: to whom, about what, by when, by whom; and once made, how it went. */
public record CallTask(UUID id, UUID debtorId, List<UUID> invoiceIds, String title, String script, String phone,
                       String owner, LocalDate dueOn, Status status, CallOutcome outcome, String note, UUID recoveryRef,
                       OffsetDateTime completedAt, String completedBy) {

    public enum Status { OPEN, DONE }
}
