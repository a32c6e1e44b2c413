package fr.encaisse.communication.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates the way a French or English reader expects them ({@code 1 200,00 €}, {@code €1,200.00}). */
final class Formats {

    private static final DateTimeFormatter FR_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FR_SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_SHORT = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private Formats() {
    }

    static boolean french(Locale locale) {
        return "fr".equals(locale.getLanguage());
    }

    /** Narrow and plain no-break spaces become U+00A0, which every font has. */
    static String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(french(locale) ? Locale.FRANCE : Locale.UK);
        f.setCurrency(Currency.getInstance(currency));
        return f.format(amount).replace('\u202f', '\u00a0');
    }

    static String longDate(LocalDate date, Locale locale) {
        return date == null ? "" : date.format(french(locale) ? FR_LONG : EN_LONG);
    }

    static String shortDate(LocalDate date, Locale locale) {
        return date == null ? "" : date.format(french(locale) ? FR_SHORT : EN_SHORT);
    }
}
