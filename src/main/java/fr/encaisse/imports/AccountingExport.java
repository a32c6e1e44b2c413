package fr.encaisse.imports;

import java.io.OutputStream;
import java.time.LocalDate;

/** Journal entries for the accountant, for what Encaisse recorded over a period (see {@link AccountingEntrySource}). */
public interface AccountingExport {

    /** Writes the current tenant's entries for the period; {@code from} and {@code to} are inclusive. */
    ExportSummary export(LocalDate from, LocalDate to, ExportFormat format, OutputStream out);
}
