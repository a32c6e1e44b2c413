package fr.encaisse.sepa;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What planning did: the collections it created, and the invoices it left out and why. */
public record PlanReport(LocalDate asOf, List<DirectDebit> planned, List<Skipped> skipped) {

    public record Skipped(UUID invoiceId, String invoiceNumber, String reason) {
    }
}
