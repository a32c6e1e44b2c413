package fr.encaisse.imports.internal;

import fr.encaisse.shared.FieldProblem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file decoded and split: encoding (strict UTF-8, else Windows-1252, the charset of
 * French Excel exports) and separator ({@code ;} or {@code ,}, whichever the header uses more)
 * are detected, and each row keeps its line number for error reports.
 */
final class CsvTable {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    final Charset encoding;
    final char separator;
    final List<String> header;
    /** The header names as written, for previews. */
    List<String> rawHeader = List.of();
    final List<Row> rows = new ArrayList<>();
    /** Rows whose column count differs from the header's. */
    final List<FieldProblem> shapeProblems = new ArrayList<>();
    /** Problems with the file as a whole (empty, not CSV): no row can be trusted. */
    final List<FieldProblem> fileProblems = new ArrayList<>();

    record Row(int line, Map<String, String> values) {
    }

    private CsvTable(Charset encoding, char separator, List<String> header) {
        this.encoding = encoding;
        this.separator = separator;
        this.header = header;
    }

    static CsvTable parse(byte[] bytes) {
        return parse(bytes, CsvDialect.DETECT, Integer.MAX_VALUE);
    }

    /** Parses with what the dialect fixes and detects the rest; stops after {@code maxRows} rows (previews). */
    static CsvTable parse(byte[] bytes, CsvDialect dialect, int maxRows) {
        Charset encoding = dialect.encoding() != null ? dialect.encoding() : detectEncoding(bytes);
        String text = new String(bytes, encoding);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char separator = dialect.separator() != null ? dialect.separator() : detectSeparator(firstLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            CsvTable table = null;
            for (CSVRecord record : parser) {
                // Each record starts on the line after the previous record's last line.
                int line = (int) record.getParser().getCurrentLineNumber();
                if (table == null) {
                    List<String> header = record.stream().map(CsvTable::normalise).toList();
                    table = new CsvTable(encoding, separator, header);
                    table.rawHeader = record.stream().toList();
                    continue;
                }
                if (table.rows.size() >= maxRows) {
                    break;
                }
                if (record.size() != table.header.size()) {
                    table.shapeProblems.add(new FieldProblem(line, null, null,
                            "has " + record.size() + " columns, the header has " + table.header.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    values.put(table.header.get(i), record.get(i));
                }
                table.rows.add(new Row(line, values));
            }
            if (table == null) {
                table = new CsvTable(encoding, separator, List.of());
                table.fileProblems.add(new FieldProblem(1, null, null, "the file is empty: a header line is expected"));
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            CsvTable broken = new CsvTable(encoding, separator, List.of());
            broken.fileProblems.add(new FieldProblem(null, null, null, "the file is not valid CSV: " + e.getMessage()));
            return broken;
        }
    }

    /** Strict UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252. */
    static Charset detectEncoding(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /** The separator the header line uses most: {@code ;}, {@code ,}, tab or {@code |} (ties in that order). */
    static char detectSeparator(String headerLine) {
        char best = ';';
        long most = -1;
        for (char c : new char[] {';', ',', '\t', '|'}) {
            long n = count(headerLine, c);
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    /** Header names compared without case, accents, spaces or punctuation: "Date d'échéance" = "datedecheance". */
    static String normalise(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
