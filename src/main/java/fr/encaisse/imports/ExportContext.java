package fr.encaisse.imports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** What an {@link AccountingEntrySource} needs to know about the export and the tenant's books. */
public interface ExportContext {

    LocalDate from();

    LocalDate to();

    BooksSettings settings();

    /** The account the debtor's entries go to. */
    CustomerAccount customerAccount(UUID debtorId);

    /** Those of these ledger rows (payments, invoices, credit notes) that came from the books. */
    Set<UUID> fromBooks(Collection<UUID> ledgerIds);

    /** Those of these allocations that a FEC import made from the books' lettering. */
    Set<UUID> allocationsFromBooks(Collection<UUID> allocationIds);
}
