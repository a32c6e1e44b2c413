package fr.encaisse.imports.internal;

import fr.encaisse.shared.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a FEC (LPF art. A47 A-1) from a stream, one line at a time, in constant memory.
 *
 * <p>The first line names the fields; the 18 standard ones must all be there (in any order,
 * compared without case or accents), columns 12-13 either Debit/Credit or Montant/Sens.
 * Separator: tab or {@code |}, whichever the header uses. Encoding: UTF-8 when the file starts
 * with a byte order mark or when its first non-ASCII line is valid UTF-8, ISO-8859-15
 * otherwise; a later line in the other encoding is reported (mixed encodings). Dates yyyyMMdd
 * (ISO and dd/MM/yyyy are tolerated), amounts with a decimal comma or point and the sign first.
 *
 * <p>Each problem names its line and column; a bad line is reported and skipped, so that one
 * reading lists every problem of the file.
 */
final class FecReader {

    static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");

    /** The standard field names, in the standard order. */
    static final List<String> FIELDS = List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum",
            "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
            "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise");

    private static final int JOURNAL_CODE = 0, JOURNAL_LIB = 1, ECRITURE_NUM = 2, ECRITURE_DATE = 3, COMPTE_NUM = 4,
            COMPTE_LIB = 5, COMP_AUX_NUM = 6, COMP_AUX_LIB = 7, PIECE_REF = 8, PIECE_DATE = 9, ECRITURE_LIB = 10,
            DEBIT = 11, CREDIT = 12, ECRITURE_LET = 13, DATE_LET = 14, VALID_DATE = 15, MONTANT_DEVISE = 16;

    private final InputStream in;
    private final Problems problems;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[512];
    private int lineLength;
    private long bytesRead;
    private long lineNumber;
    private boolean endOfInput;
    private boolean lastLineUnterminated;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private Charset charset;
    private long charsetLine;
    private boolean bom;

    private char separator;
    private int width;
    /** Where each standard field sits in this file's lines. */
    private final int[] column = new int[FIELDS.size()];
    private boolean amountAndSense;
    private String[] names;

    /** Collects problems; the importer stops writing once there is one. */
    interface Problems {
        void add(FieldProblem problem);
    }

    FecReader(InputStream in, Problems problems) {
        this.in = in;
        this.problems = problems;
    }

    long bytesRead() {
        return bytesRead;
    }

    long lineNumber() {
        return lineNumber;
    }

    String encoding() {
        return charset == null ? (bom ? "UTF-8" : "US-ASCII") : charset.name();
    }

    String separatorName() {
        return separator == '\t' ? "tab" : String.valueOf(separator);
    }

    String amountColumns() {
        return amountAndSense ? "Montant/Sens" : "Debit/Credit";
    }

    /** Reads and checks the header line; false when the file cannot be read as a FEC at all. */
    boolean readHeader() {
        if (!readLine()) {
            problems.add(new FieldProblem(1, null, null, "the file is empty: a FEC starts with a line naming its 18 fields"));
            return false;
        }
        if (lineLength >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            bom = true;
            charset = StandardCharsets.UTF_8;
            charsetLine = 1;
            System.arraycopy(line, 3, line, 0, lineLength - 3);
            lineLength -= 3;
        }
        String header = decode();
        if (header == null) {
            return false;
        }
        long tabs = header.chars().filter(c -> c == '\t').count();
        long pipes = header.chars().filter(c -> c == '|').count();
        if (tabs == 0 && pipes == 0) {
            problems.add(new FieldProblem(1, null, abbreviate(header),
                    "the header is not separated by tabs or '|': this is not a FEC (the 18 fields JournalCode to Idevise)"));
            return false;
        }
        separator = tabs >= pipes ? '\t' : '|';
        names = split(header, Integer.MAX_VALUE);
        width = names.length;
        String[] normalised = Arrays.stream(names).map(CsvTable::normalise).toArray(String[]::new);
        List<FieldProblem> missing = new ArrayList<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            String wanted = CsvTable.normalise(FIELDS.get(f));
            int at = indexOf(normalised, wanted);
            if (at < 0 && f == DEBIT) {
                at = indexOf(normalised, "montant");
                amountAndSense = at >= 0;
            }
            if (at < 0 && f == CREDIT && amountAndSense) {
                at = indexOf(normalised, "sens");
            }
            if (at < 0) {
                String expected = FIELDS.get(f);
                if (f == DEBIT || f == CREDIT) {
                    expected = amountAndSense ? "Sens" : f == DEBIT ? "Debit (or Montant and Sens)" : "Credit";
                }
                String found = f < names.length ? names[f].trim() : null;
                missing.add(new FieldProblem(1, f < FIELDS.size() ? FIELDS.get(f) : null, found,
                        "column " + (f + 1) + " of a FEC is " + expected
                                + (found == null ? ", and the header has only " + names.length + " columns" : "; the header has no such column")));
            }
            column[f] = at;
        }
        if (!missing.isEmpty()) {
            missing.forEach(problems::add);
            return false;
        }
        return true;
    }

    /** The next well-formed line, or null at the end of the file. Bad lines are reported and skipped. */
    FecLine next() {
        while (readLine()) {
            if (isBlank()) {
                continue;
            }
            String text = decode();
            if (text == null) {
                continue;
            }
            String[] f = split(text, width + 1);
            if (f.length != width) {
                boolean truncated = f.length < width && lastLineUnterminated && endOfInput && position >= limit;
                problems.add(new FieldProblem((int) lineNumber, f.length < width ? FIELDS.get(Math.min(f.length, FIELDS.size() - 1)) : null,
                        abbreviate(text), "has " + f.length + " columns, the header has " + width
                        + (truncated ? ": the last line is cut short, the file looks truncated"
                        : f.length > width && separator == '|' ? " (a '|' inside a label?)" : "")));
                continue;
            }
            FecLine parsed = parse(f);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    private FecLine parse(String[] f) {
        int errors = 0;
        String journal = required(f, JOURNAL_CODE);
        String num = required(f, ECRITURE_NUM);
        String account = required(f, COMPTE_NUM);
        errors += journal == null ? 1 : 0;
        errors += num == null ? 1 : 0;
        errors += account == null ? 1 : 0;
        LocalDate entryDate = date(f, ECRITURE_DATE, true);
        errors += entryDate == null ? 1 : 0;
        LocalDate pieceDate = date(f, PIECE_DATE, false);
        LocalDate dateLet = date(f, DATE_LET, false);
        errors += (pieceDate == INVALID ? 1 : 0) + (dateLet == INVALID ? 1 : 0) + (date(f, VALID_DATE, false) == INVALID ? 1 : 0);
        BigDecimal debit;
        BigDecimal credit;
        if (amountAndSense) {
            BigDecimal amount = amount(f, DEBIT, "Montant");
            String sense = value(f, CREDIT);
            debit = BigDecimal.ZERO;
            credit = BigDecimal.ZERO;
            if (amount == null) {
                errors++;
            }
            if (sense == null || !List.of("D", "C", "+1", "-1", "1").contains(sense.toUpperCase())) {
                problems.add(new FieldProblem((int) lineNumber, "Sens", sense, "must be D (debit) or C (credit)"));
                errors++;
            } else if (amount != null) {
                boolean isDebit = sense.equalsIgnoreCase("D") || sense.equals("+1") || sense.equals("1");
                debit = isDebit ? amount : BigDecimal.ZERO;
                credit = isDebit ? BigDecimal.ZERO : amount;
            }
        } else {
            debit = amount(f, DEBIT, "Debit");
            credit = amount(f, CREDIT, "Credit");
            errors += (debit == null ? 1 : 0) + (credit == null ? 1 : 0);
        }
        String currencyAmount = value(f, MONTANT_DEVISE);
        if (currencyAmount != null && parseAmount(currencyAmount) == null) {
            problems.add(new FieldProblem((int) lineNumber, "Montantdevise", currencyAmount, "is not an amount (e.g. 1234,56)"));
            errors++;
        }
        if (errors > 0) {
            return null;
        }
        return new FecLine(lineNumber, journal, value(f, JOURNAL_LIB), num, entryDate, account, value(f, COMPTE_LIB),
                value(f, COMP_AUX_NUM), value(f, COMP_AUX_LIB), value(f, PIECE_REF), pieceDate, value(f, ECRITURE_LIB),
                debit, credit, value(f, ECRITURE_LET), dateLet);
    }

    /** A marker for "present but not a date", distinct from null ("blank"). */
    private static final LocalDate INVALID = LocalDate.MIN;

    private LocalDate date(String[] f, int field, boolean required) {
        String raw = value(f, field);
        if (raw == null) {
            if (required) {
                problems.add(new FieldProblem((int) lineNumber, FIELDS.get(field), null, "is required"));
            }
            return null;
        }
        LocalDate d = parseDate(raw);
        if (d == null) {
            problems.add(new FieldProblem((int) lineNumber, FIELDS.get(field), raw, "is not a date (yyyyMMdd)"));
            return required ? null : INVALID;
        }
        return d;
    }

    static LocalDate parseDate(String raw) {
        if (raw.length() == 8) {
            int y = digits(raw, 0, 4);
            int m = digits(raw, 4, 6);
            int d = digits(raw, 6, 8);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return Values.date(raw).orElse(null);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private BigDecimal amount(String[] f, int field, String name) {
        String raw = value(f, field);
        if (raw == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal a = parseAmount(raw);
        if (a == null) {
            problems.add(new FieldProblem((int) lineNumber, name, raw, "is not an amount (e.g. 1234,56)"));
            return null;
        }
        if (a.scale() > 2 && a.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem((int) lineNumber, name, raw, "has more than 2 decimals"));
            return null;
        }
        return a.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** "1234,56", "-1234.56", "+12"; anything else goes through the lenient CSV rules ("1 234,56"). */
    static BigDecimal parseAmount(String raw) {
        int n = raw.length();
        int i = 0;
        if (n > 0 && (raw.charAt(0) == '-' || raw.charAt(0) == '+')) {
            i = 1;
        }
        int digitsBefore = 0;
        int separatorAt = -1;
        boolean simple = i < n;
        for (int k = i; k < n && simple; k++) {
            char c = raw.charAt(k);
            if (c >= '0' && c <= '9') {
                digitsBefore += separatorAt < 0 ? 1 : 0;
            } else if ((c == ',' || c == '.') && separatorAt < 0 && k > i && k < n - 1) {
                separatorAt = k;
            } else {
                simple = false;
            }
        }
        if (simple && digitsBefore > 0) {
            String s = separatorAt < 0 ? raw : raw.substring(0, separatorAt) + '.' + raw.substring(separatorAt + 1);
            return new BigDecimal(s.charAt(0) == '+' ? s.substring(1) : s);
        }
        Optional<BigDecimal> lenient = Values.amount(raw);
        return lenient.orElse(null);
    }

    private String required(String[] f, int field) {
        String v = value(f, field);
        if (v == null) {
            problems.add(new FieldProblem((int) lineNumber, FIELDS.get(field), null, "is required"));
        }
        return v;
    }

    private String value(String[] f, int field) {
        String v = f[column[field]].trim();
        return v.isEmpty() ? null : v;
    }

    private boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '|') {
                return false;
            }
        }
        return true;
    }

    /** Decodes the current line, settling the file's encoding on its first non-ASCII line. */
    private String decode() {
        int firstHigh = -1;
        for (int i = 0; i < lineLength; i++) {
            if (line[i] < 0) {
                firstHigh = i;
                break;
            }
        }
        if (firstHigh < 0) {
            return new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        }
        String asUtf8 = strictUtf8();
        if (charset == null) {
            charset = asUtf8 != null ? StandardCharsets.UTF_8 : ISO_8859_15;
            charsetLine = lineNumber;
        }
        if (charset == StandardCharsets.UTF_8) {
            if (asUtf8 == null) {
                problems.add(new FieldProblem((int) lineNumber, columnAt(firstHigh), null,
                        "is not UTF-8, while line " + charsetLine + " was: the file mixes encodings"));
            }
            return asUtf8;
        }
        if (asUtf8 != null) {
            problems.add(new FieldProblem((int) lineNumber, columnAt(firstHigh), asUtf8.substring(0, Math.min(asUtf8.length(), 60)),
                    "is UTF-8, while line " + charsetLine + " was ISO-8859-15: the file mixes encodings"));
            return null;
        }
        return new String(line, 0, lineLength, ISO_8859_15);
    }

    private String strictUtf8() {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(line, 0, lineLength)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The header name of the column holding the byte at {@code offset} of the current line. */
    private String columnAt(int offset) {
        if (names == null) {
            return null;
        }
        int col = 0;
        for (int i = 0; i < offset; i++) {
            if (line[i] == separator) {
                col++;
            }
        }
        for (int f = 0; f < column.length; f++) {
            if (column[f] == col) {
                return f == DEBIT && amountAndSense ? "Montant" : f == CREDIT && amountAndSense ? "Sens" : FIELDS.get(f);
            }
        }
        return col < names.length ? names[col].trim() : null;
    }

    private String[] split(String text, int max) {
        List<String> parts = new ArrayList<>(Math.min(max, 32));
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
                if (parts.size() >= max) {
                    return parts.toArray(String[]::new);
                }
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(String[]::new);
    }

    /** Reads the next line's bytes (without CR LF) into {@code line}; false at the end of the input. */
    private boolean readLine() {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position >= limit) {
                if (!fill()) {
                    if (any) {
                        lineNumber++;
                        lastLineUnterminated = true;
                        trimCarriageReturn();
                        return true;
                    }
                    return false;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                lineNumber++;
                trimCarriageReturn();
                return true;
            }
        }
    }

    private void trimCarriageReturn() {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
    }

    private void append(int from, int to) {
        int n = to - from;
        if (lineLength + n > line.length) {
            if (lineLength + n > 1 << 20) {
                throw new UncheckedIOException(new IOException("line " + (lineNumber + 1) + " is longer than 1 MB: this is not a FEC"));
            }
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        }
        System.arraycopy(buffer, from, line, lineLength, n);
        lineLength += n;
    }

    private boolean fill() {
        if (endOfInput) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n < 0) {
                endOfInput = true;
                return false;
            }
            position = 0;
            limit = n;
            bytesRead += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(String[] values, String wanted) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
