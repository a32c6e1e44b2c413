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
