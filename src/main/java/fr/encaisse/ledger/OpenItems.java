package fr.encaisse.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Fast, read-only views of the current tenant's open items for batch work (the daily dunning
 * run, aging): one forward-only SQL read, rows handed over one at a time and never kept, so a
 * million invoices never sit in memory. Runs in the caller's transaction when there is one.
 */
public interface OpenItems {

    /**
     * Calls {@code action} for every invoice of the current tenant with something still open and
     * due on or before {@code dueOnOrBefore}, in no particular order.
     *
     * @return the number of rows read
     */
    long forEachOpenInvoice(LocalDate dueOnOrBefore, Consumer<OpenInvoiceRow> action);

    /** The open amounts of these invoices as they are now; ids of other tenants or credit notes are absent. */
    Map<UUID, BigDecimal> openAmounts(Collection<UUID> invoiceIds);

    /** The kind of each of these debtors; ids of other tenants are absent. */
    Map<UUID, DebtorKind> debtorKinds(Collection<UUID> debtorIds);
}
