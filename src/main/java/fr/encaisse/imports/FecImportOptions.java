package fr.encaisse.imports;

/**
 * How to import a FEC.
 *
 * @param termDays  days from the invoice date to the due date, since the FEC has none; null takes
 *                  the tenant's setting ({@link BooksSettings#defaultTermDays()})
 * @param fileName  for the report and the evidence entry; may be null
 * @param sizeBytes the file's size for progress percentages, or -1
 */
public record FecImportOptions(boolean dryRun, Integer termDays, String fileName, long sizeBytes, ImportProgress progress) {

    public FecImportOptions {
        progress = progress == null ? ImportProgress.NONE : progress;
    }

    public static FecImportOptions defaults() {
        return new FecImportOptions(false, null, null, -1, ImportProgress.NONE);
    }
}
