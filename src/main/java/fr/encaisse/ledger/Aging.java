package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The tenant's aging balance at {@code asOf}: open invoices by bucket, and apart the credit notes
 * not yet applied then. {@link #net()} is what the debtors owe once those credits are applied.
 */
public record Aging(LocalDate asOf, AgingBuckets invoices, Bucket openCreditNotes) {

    public BigDecimal net() {
        return invoices.total().amount().subtract(openCreditNotes.amount());
    }
}
