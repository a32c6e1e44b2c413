package fr.encaisse.imports;

import java.util.Map;

/** What an accounting export wrote: entries and lines, and entries by source. */
public record ExportSummary(int entries, int lines, Map<String, Integer> entriesBySource) {
}
