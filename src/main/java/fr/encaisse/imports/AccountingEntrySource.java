package fr.encaisse.imports;

import java.util.function.Consumer;

/**
 * Something Encaisse records that the accountant must post. Every Spring bean implementing this
 * feeds the accounting export; today payments received and allocations (of payments and credit
 * notes). Late-payment interest (D 411 / C 7627), the €40 recovery indemnity (D 411 / C 7588),
 * write-offs (D 654 + D 44571 / C 411) and bank fees (D 627 / C 512) plug in the same way when
 * the modules that record them exist.
 *
 * <p>A source reports what was <em>recorded</em> between {@link ExportContext#from()} and
 * {@link ExportContext#to()}, so that consecutive periods see each act once, and leaves out what
 * came from the books (a FEC import): it is posted already.
 */
public interface AccountingEntrySource {

    /** Short name for the CSV's source column and the summary ("payments"). */
    String name();

    /** Hands each entry of the period to {@code sink}, oldest first, in the current tenant. */
    void entries(ExportContext context, Consumer<AccountingEntry> sink);
}
