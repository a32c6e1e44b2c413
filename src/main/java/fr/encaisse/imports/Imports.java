package fr.encaisse.imports;

import java.io.InputStream;

/** Imports files into the current tenant's ledger. */
public interface Imports {

    /**
     * Reads a CSV file (UTF-8 or Windows-1252, {@code ;} or {@code ,}, decimal comma or point,
     * dates dd/MM/yyyy or ISO) and writes every row or none.
     */
    ImportReport importCsv(ImportKind kind, byte[] content, boolean dryRun);

    /** The same, reading the file as the named {@link ImportProfile} says; a null profile detects everything. */
    ImportReport importCsv(ImportKind kind, byte[] content, boolean dryRun, String profile);

    /**
     * The first lines of a file and how they would be read: encoding, separator, decimal comma,
     * date format, and which column holds each field. {@code kind} and {@code profile} may be null.
     */
    CsvPreview preview(byte[] content, ImportKind kind, String profile);

    /**
     * Imports a FEC (Fichier des écritures comptables) read as a stream, in constant memory:
     * customers become debtors, sales entries invoices and credit notes, bank entries payments,
     * and the lettering settles them. All or nothing; importing the same books again adds only
     * what is new.
     */
    FecImportReport importFec(InputStream content, FecImportOptions options);
}
