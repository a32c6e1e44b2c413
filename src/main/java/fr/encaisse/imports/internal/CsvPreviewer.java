package fr.encaisse.imports.internal;

import fr.encaisse.imports.CsvPreview;
import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportProfile;
import fr.encaisse.shared.FieldProblem;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Shows how a file would be read before it is imported: encoding and separator as detected
 * (or as the profile fixes them), the decimal separator and date format the sample's values
 * use, and the column found for each field.
 */
@Component
class CsvPreviewer {

    static final int SAMPLE_ROWS = 200;
    static final int SHOWN_ROWS = 10;

    /** The date formats French and foreign exports use, tried in this order (day before month first). */
    static final List<String> DATE_FORMATS = List.of("dd/MM/yyyy", "yyyy-MM-dd", "dd.MM.yyyy", "dd-MM-yyyy", "yyyyMMdd",
            "dd/MM/yy", "MM/dd/yyyy");

    private static final Pattern COMMA_DECIMAL = Pattern.compile("[-+]?\\d{1,3}([  .\\u00A0\\u202F]?\\d{3})*,\\d{1,2}\\s*€?");
    private static final Pattern POINT_DECIMAL = Pattern.compile("[-+]?\\d{1,3}([ ,\\u00A0\\u202F]?\\d{3})*\\.\\d{1,2}\\s*€?");

    CsvPreview preview(byte[] content, ImportKind requested, ImportProfile profile) {
        CsvDialect dialect = ProfileStore.dialect(profile);
        CsvTable table = CsvTable.parse(content, dialect, SAMPLE_ROWS);
        List<FieldProblem> problems = new ArrayList<>(table.fileProblems);
        List<List<String>> shown = table.rows.stream().limit(SHOWN_ROWS)
                .map(r -> table.header.stream().map(h -> Objects.toString(r.values().get(h), "")).toList()).toList();
        String separator = table.separator == '\t' ? "tab" : String.valueOf(table.separator);
        if (table.header.containsAll(List.of("journalcode", "ecriturenum", "comptenum"))) {
            return new CsvPreview("FEC", table.encoding.name(), separator, true, "yyyyMMdd", table.rawHeader, shown, null,
                    Map.of(), List.of(), null, problems);
        }
        ImportKind kind = requested != null ? requested : profile != null ? profile.kind() : guess(table.header);
        ColumnMap cols = ColumnMap.resolve(kind, table.header, profile == null ? Map.of() : profile.columns(), problems);
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> dates = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (Columns c : Columns.of(kind)) {
            Optional<String> column = cols.column(c);
            if (column.isEmpty()) {
                continue;
            }
            mapping.put(c.canonical(), table.rawHeader.get(table.header.indexOf(column.get())));
            for (CsvTable.Row r : table.rows) {
                String v = cols.value(r.values(), c);
                if (v != null && c.isDate()) {
                    dates.add(v.trim());
                } else if (v != null && c.isAmount()) {
                    amounts.add(v.trim());
                }
            }
        }
        List<String> missing = Columns.required(kind).stream().filter(c -> cols.column(c).isEmpty()).map(Columns::canonical).toList();
        Boolean decimalComma = profile != null && profile.decimalComma() != null ? profile.decimalComma() : decimalComma(amounts);
        String dateFormat = profile != null && profile.dateFormat() != null ? profile.dateFormat() : dateFormat(dates);
        return new CsvPreview("CSV", table.encoding.name(), separator, decimalComma, dateFormat, table.rawHeader, shown, kind,
                mapping, missing, profile == null ? null : profile.name(), problems);
    }

    /** True when the amounts use a decimal comma, false for a point, null when the sample does not tell or mixes both. */
    static Boolean decimalComma(List<String> amounts) {
        boolean comma = amounts.stream().anyMatch(a -> COMMA_DECIMAL.matcher(a).matches());
        boolean point = amounts.stream().anyMatch(a -> POINT_DECIMAL.matcher(a).matches());
        return comma == point ? null : comma;
    }

    /** The first usual format that reads every date of the sample, or null. */
    static String dateFormat(List<String> dates) {
        if (dates.isEmpty()) {
            return null;
        }
        for (String f : DATE_FORMATS) {
            DateTimeFormatter formatter = Values.pattern(f);
            if (dates.stream().allMatch(d -> Values.date(d, formatter).isPresent())) {
                return f;
            }
        }
        return null;
    }

    private static ImportKind guess(List<String> header) {
        return Columns.AMOUNT_INCL_TAX.in(header).isPresent() || Columns.NUMBER.in(header).isPresent()
                ? ImportKind.INVOICES : ImportKind.DEBTORS;
    }
}
