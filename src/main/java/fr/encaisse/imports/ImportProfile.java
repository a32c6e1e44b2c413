package fr.encaisse.imports;

import java.util.Map;

/**
 * A saved way to read one accounting or ERP export: which header column holds which documented
 * field, and how the file is written. Null parts are detected from the file.
 *
 * @param columns      documented field name (e.g. {@code number}, {@code debtor_reference},
 *                     {@code amount_incl_tax}) → the header name in the export (e.g. "N° pièce");
 *                     fields left out are found by their usual names
 * @param separator    {@code ;}, {@code ,}, {@code |} or {@code tab}
 * @param encoding     UTF-8, windows-1252, ISO-8859-15 or ISO-8859-1
 * @param decimalComma true for "1 234,56", false for "1,234.56"
 * @param dateFormat   e.g. {@code dd/MM/yyyy}, {@code MM/dd/yyyy}, {@code yyyyMMdd}
 */
public record ImportProfile(String name, ImportKind kind, Map<String, String> columns, String separator, String encoding,
                            Boolean decimalComma, String dateFormat) {

    public ImportProfile {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }
}
