package fr.encaisse.dunning;

import fr.encaisse.communication.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contact with a debtor decided by a run: one step (the most advanced one due, for a per-debtor
 * contact), its channels, and each invoice it covers with the step taken for that invoice.
 */
public record Contact(UUID id, UUID debtorId, UUID scenarioId, Grouping grouping, String stepCode, int stepOffset, Stage stage,
                      List<Channel> channels, String template, LocalDate asOf, LocalDate stepDate, LocalDate deadline,
                      Status status, List<Item> invoices) {

    public enum Status {
        /** Awaiting review (step in approval mode). */
        DRAFT,
        /** Handed to the outbox. */
        RELEASED,
        /** Skipped by a reviewer: nothing sent; the invoices' next steps follow. */
        SKIPPED
    }

    public record Item(UUID invoiceId, String stepCode, int stepOffset, LocalDate stepDate, BigDecimal openAmount) {
    }
}
