package fr.encaisse.imports;

/** Imports files into the current tenant's ledger. */
public interface Imports {

    /**
     * Reads a CSV file (UTF-8 or Windows-1252, {@code ;} or {@code ,}, decimal comma or point,
     * dates dd/MM/yyyy or ISO) and writes every row or none.
     */
    ImportReport importCsv(ImportKind kind, byte[] content, boolean dryRun);
}
