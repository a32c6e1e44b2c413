package fr.encaisse.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/** Amounts and dates as French books write them: "1 234,56", "1234.56", "31/01/2026", "2026-01-31". */
final class Values {

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT));

    private Values() {
    }

    /** The date in the given format only, or in any accepted format when {@code format} is null. */
    static Optional<LocalDate> date(String raw, DateTimeFormatter format) {
        if (format == null) {
            return date(raw);
        }
        try {
            return Optional.of(LocalDate.parse(raw.trim(), format));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A user's pattern ("dd/MM/yyyy") as a strict formatter; null when it is not a date pattern. */
    static DateTimeFormatter pattern(String pattern) {
        if (pattern == null || pattern.isBlank() || !pattern.contains("d") || !pattern.contains("M") || !pattern.contains("y")) {
            return null;
        }
        try {
            return DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An amount with a known decimal separator: with {@code decimalComma} "1.234,56", without
     * "1,234.56"; null {@code decimalComma} guesses as {@link #amount(String)} does.
     */
    static Optional<BigDecimal> amount(String raw, Boolean decimalComma) {
        if (decimalComma == null) {
            return amount(raw);
        }
        String s = raw.trim().replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("€", "");
        s = decimalComma ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        if (!s.matches("[-+]?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    static Optional<LocalDate> date(String raw) {
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(raw.trim(), f));
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        return Optional.empty();
    }

    /**
     * A decimal with a comma or a point as decimal separator and spaces (or a point, when the
     * comma is the decimal separator) as thousands separators. Anything else is refused.
     */
    static Optional<BigDecimal> amount(String raw) {
        String s = raw.trim().replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("€", "");
        int comma = s.lastIndexOf(',');
        int point = s.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            s = comma > point ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            if (s.indexOf(',') != comma) {
                return Optional.empty();
            }
            s = s.replace(',', '.');
        }
        if (!s.matches("[-+]?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }
}
