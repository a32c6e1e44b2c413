package fr.encaisse.imports;

/** Told how a long import is going, every so many lines and at each phase. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, lines, bytesRead, totalBytes) -> {
    };

    /**
     * @param phase      "reading" (lines and bytes advance), "lettering" (lines counts the groups settled), "done"
     * @param totalBytes the file's size, or -1 when unknown
     */
    void progress(String phase, long lines, long bytesRead, long totalBytes);
}
