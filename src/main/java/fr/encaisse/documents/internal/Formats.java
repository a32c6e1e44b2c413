package fr.encaisse.documents.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How amounts, rates and dates are printed in letters: French {@code 1 234,56 €} (no-break space as
 * the thousands separator, as the law module's texts), English {@code €1,234.56}; dates
 * {@code 27/11/2026} and {@code 27 Nov 2026} (long: {@code 27 novembre 2026}, {@code 1er avril 2026}, {@code 27 November 2026}).
 */
final class Formats {

    static final char NBSP = '\u00A0';
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FR_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final boolean fr;

    private Formats(boolean fr) {
        this.fr = fr;
    }

    static Formats of(String language) {
        return new Formats(!"en".equals(language));
    }

    boolean french() {
        return fr;
    }

    String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String digits = number(amount.setScale(2, RoundingMode.HALF_UP), 2);
        if ("EUR".equals(currency)) {
            return fr ? digits + NBSP + "€" : (digits.startsWith("-") ? "-€" + digits.substring(1) : "€" + digits);
        }
        return digits + NBSP + currency;
    }

    /** An amount without currency, e.g. in table cells under a currency heading. */
    String amount(BigDecimal amount) {
        return amount == null ? "" : number(amount.setScale(2, RoundingMode.HALF_UP), 2);
    }

    String rate(BigDecimal percent) {
        if (percent == null) {
            return "";
        }
        BigDecimal p = percent.stripTrailingZeros();
        String digits = number(p.scale() < 2 ? p.setScale(2, RoundingMode.HALF_UP) : p, Math.max(2, p.scale()));
        return fr ? digits + NBSP + "%" : digits + "%";
    }

    /** Unrounded interest of a period, four decimals. */
    String precise(BigDecimal amount) {
        return number(amount.setScale(4, RoundingMode.HALF_UP), 4);
    }

    String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return fr ? FR_DATE.format(date) : EN_DATE.format(date);
    }

    /** French writes the first of the month as an ordinal: {@code 1er avril 2026}. */
    String longDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        if (fr && date.getDayOfMonth() == 1) {
            return "1er " + FR_LONG.format(date).substring(2);
        }
        return fr ? FR_LONG.format(date) : EN_LONG.format(date);
    }

    private String number(BigDecimal value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(fr ? NBSP : ',');
        symbols.setDecimalSeparator(fr ? ',' : '.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
