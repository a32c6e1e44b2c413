package fr.encaisse.law;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The late-payment reference rates, as an immutable value: the ECB MRO rate history and, per
 * half-year, the ECB rate in force on its first day and the legal interest rates (Code de
 * commerce L441-10 II, Code monétaire et financier L313-2, Code de la commande publique R2192-31).
 *
 * <p>Rates change every six months, so the table is data, not code: the module ships one
 * ({@link #bundled()}), and the application can load a newer one at run time from any text
 * ({@link #parse(Reader)}, {@link #parse(String)}) and hand it to {@link LatePaymentLaw#withRates}.
 * The format is described in {@code docs/law.md} and at the top of the bundled file.
 *
 * <p>The covered half-years are exactly those with a {@code half-year} line; they must be
 * contiguous. Each half-year's ECB rate must agree with the ECB history, which catches a
 * forgotten ECB change when a new half-year is added.
 */
public final class RateTable {

    /** Classpath location of the bundled table. */
    public static final String BUNDLED_RESOURCE = "/fr/encaisse/law/rates.csv";

    private final List<EcbRateChange> ecbChanges;
    private final TreeMap<HalfYear, HalfYearRates> halfYears;

    private RateTable(List<EcbRateChange> ecbChanges, TreeMap<HalfYear, HalfYearRates> halfYears) {
        this.ecbChanges = List.copyOf(ecbChanges);
        this.halfYears = halfYears;
    }

    /** The table shipped with this release. */
    public static RateTable bundled() {
        InputStream in = RateTable.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a table from text in the rate-file format. */
    public static RateTable parse(String text) {
        return parse(new StringReader(Objects.requireNonNull(text, "text")));
    }

    /**
     * Parses a table in the rate-file format. The reader is read to the end but not closed.
     *
     * @throws RateTableFormatException when a line is malformed or the table is inconsistent
     */
    public static RateTable parse(Reader reader) {
        Map<LocalDate, EcbRateChange> ecb = new TreeMap<>();
        TreeMap<HalfYear, HalfYearRates> halves = new TreeMap<>();
        BufferedReader lines = new BufferedReader(reader);
        int lineNo = 0;
        try {
            for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                lineNo++;
                String line = raw.strip();
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                switch (f[0].strip()) {
                    case "ecb" -> {
                        expectFields(f, 3, 3, lineNo);
                        LocalDate date = date(f[1], lineNo);
                        if (ecb.put(date, new EcbRateChange(date, rate(f[2], lineNo, true))) != null) {
                            throw new RateTableFormatException(lineNo, "duplicate ECB change on " + date);
                        }
                    }
                    case "half-year" -> {
                        expectFields(f, 5, 6, lineNo);
                        HalfYear h;
                        try {
                            h = HalfYear.parse(f[1]);
                        } catch (IllegalArgumentException e) {
                            throw new RateTableFormatException(lineNo, e.getMessage());
                        }
                        HalfYearRates rates = new HalfYearRates(h, rate(f[2], lineNo, true),
                                rate(f[3], lineNo, false), rate(f[4], lineNo, false),
                                f.length > 5 ? f[5].strip() : "");
                        if (halves.put(h, rates) != null) {
                            throw new RateTableFormatException(lineNo, "duplicate half-year " + h);
                        }
                    }
                    default -> throw new RateTableFormatException(lineNo,
                            "unknown record type '" + f[0].strip() + "' (expected 'ecb' or 'half-year')");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EcbRateChange> history = new ArrayList<>(ecb.values());
        validate(history, halves);
        return new RateTable(history, halves);
    }

    private static void validate(List<EcbRateChange> history, TreeMap<HalfYear, HalfYearRates> halves) {
        if (halves.isEmpty()) {
            throw new RateTableFormatException(0, "no half-year lines");
        }
        HalfYear expected = halves.firstKey();
        for (HalfYear h : halves.keySet()) {
            if (!h.equals(expected)) {
                throw new RateTableFormatException(0, "half-years must be contiguous: " + expected
                        + " is missing before " + h);
            }
            expected = h.next();
        }
        for (HalfYearRates r : halves.values()) {
            LocalDate day = r.halfYear().firstDay();
            BigDecimal inForce = ecbOn(history, day).orElseThrow(() -> new RateTableFormatException(0,
                    "the ECB history does not reach back to " + day + " (needed by half-year " + r.halfYear() + ")"));
            if (inForce.compareTo(r.ecbRatePercent()) != 0) {
                throw new RateTableFormatException(0, "half-year " + r.halfYear() + " gives ECB rate "
                        + r.ecbRatePercent().toPlainString() + " but the ECB history gives "
                        + inForce.toPlainString() + " in force on " + day + " (missing or wrong 'ecb' line?)");
            }
        }
    }

    private static Optional<BigDecimal> ecbOn(List<EcbRateChange> history, LocalDate day) {
        BigDecimal found = null;
        for (EcbRateChange c : history) {
            if (c.effectiveFrom().isAfter(day)) {
                break;
            }
            found = c.ratePercent();
        }
        return Optional.ofNullable(found);
    }

    private static void expectFields(String[] f, int min, int max, int lineNo) {
        if (f.length < min || f.length > max) {
            throw new RateTableFormatException(lineNo, "'" + f[0].strip() + "' lines have "
                    + (min == max ? min : min + " to " + max) + " fields separated by ';', found " + f.length);
        }
    }

    private static LocalDate date(String text, int lineNo) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RateTableFormatException(lineNo, "date must be yyyy-MM-dd, got '" + text.strip() + "'");
        }
    }

    private static BigDecimal rate(String text, int lineNo, boolean mayBeNegative) {
        // A comma is accepted as decimal separator: the field separator is ';', so "4,50" is unambiguous.
        String t = text.strip().replace(',', '.');
        try {
            BigDecimal value = new BigDecimal(t);
            if (!mayBeNegative && value.signum() < 0) {
                throw new RateTableFormatException(lineNo, "a legal interest rate cannot be negative: " + t);
            }
            if (value.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new RateTableFormatException(lineNo, "rates are percentages; " + t + " is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RateTableFormatException(lineNo, "rate must be a number in percent like 4.50, got '" + t + "'");
        }
    }

    /** ECB MRO changes, oldest first. */
    public List<EcbRateChange> ecbChanges() {
        return ecbChanges;
    }

    /** Covered half-years with their rates, oldest first. */
    public List<HalfYearRates> halfYears() {
        return List.copyOf(halfYears.values());
    }

    public HalfYear firstCovered() {
        return halfYears.firstKey();
    }

    public HalfYear lastCovered() {
        return halfYears.lastKey();
    }

    public boolean covers(HalfYear halfYear) {
        return halfYears.containsKey(halfYear);
    }

    public Optional<HalfYearRates> find(HalfYear halfYear) {
        return Optional.ofNullable(halfYears.get(halfYear));
    }

    /**
     * The rates of a covered half-year.
     *
     * @throws RateNotAvailableException when the half-year is not covered
     */
    public HalfYearRates ratesFor(HalfYear halfYear) {
        HalfYearRates r = halfYears.get(halfYear);
        if (r == null) {
            throw new RateNotAvailableException(halfYear, firstCovered(), lastCovered());
        }
        return r;
    }

    /**
     * The ECB MRO rate in force on a day according to the history, for explanations. Pricing uses
     * the half-year lines, which are cross-checked against this history.
     */
    public Optional<BigDecimal> ecbRateOn(LocalDate day) {
        return ecbOn(ecbChanges, day);
    }

    /** The table in the rate-file format, so an updated table can be stored and reloaded as is. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ecb;<effective date yyyy-MM-dd>;<ECB MRO rate %>\n");
        for (EcbRateChange c : ecbChanges) {
            sb.append("ecb;").append(c.effectiveFrom()).append(';').append(c.ratePercent().toPlainString()).append('\n');
        }
        sb.append("# half-year;<yyyy-S1|yyyy-S2>;<ECB MRO rate on 1 Jan/1 Jul %>;"
                + "<legal rate, private-person creditors %>;<legal rate, other creditors %>;<source>\n");
        for (HalfYearRates r : halfYears.values()) {
            sb.append("half-year;").append(r.halfYear()).append(';')
                    .append(r.ecbRatePercent().toPlainString()).append(';')
                    .append(r.legalRateIndividuals().toPlainString()).append(';')
                    .append(r.legalRateOthers().toPlainString()).append(';')
                    .append(r.source()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateTable other && ecbChanges.equals(other.ecbChanges)
                && halfYears.equals(other.halfYears);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ecbChanges, halfYears);
    }

    @Override
    public String toString() {
        return "RateTable[" + firstCovered() + ".." + lastCovered() + ", " + ecbChanges.size() + " ECB changes]";
    }

}
