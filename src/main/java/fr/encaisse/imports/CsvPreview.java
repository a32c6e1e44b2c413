package fr.encaisse.imports;

import java.util.List;
import java.util.Map;

/**
 * The first lines of a file as Encaisse reads them, before importing it.
 *
 * @param format        CSV, or FEC when the header is a FEC's (import it with the FEC import)
 * @param decimalComma  true, false, or null when the sample does not tell
 * @param dateFormat    the first of the usual formats that reads every date of the sample, or null
 * @param header        the header names as written
 * @param rows          the first rows, as written
 * @param kind          the kind asked for, or the one the header suggests
 * @param mapping       documented field → header name, as the import would read it
 * @param missing       required fields no column was found for
 * @param problems      what would stop the import already (e.g. a profile column absent from the header)
 */
public record CsvPreview(String format, String encoding, String separator, Boolean decimalComma, String dateFormat,
                         List<String> header, List<List<String>> rows, ImportKind kind, Map<String, String> mapping,
                         List<String> missing, String profile, List<fr.encaisse.shared.FieldProblem> problems) {
}
