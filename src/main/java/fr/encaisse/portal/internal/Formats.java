package fr.encaisse.portal.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates as a French or English reader expects them ({@code 1 200,00 €}, {@code €1,200.00}). */
final class Formats {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private Formats() {
    }

    private static boolean french(Locale locale) {
        return "fr".equals(locale.getLanguage());
    }

    /** Narrow no-break spaces become plain no-break spaces, which every font has. */
    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(french(locale) ? Locale.FRANCE : Locale.UK);
        f.setCurrency(Currency.getInstance(currency));
        return f.format(amount).replace('\u202f', '\u00a0');
    }

    static String date(LocalDate date, Locale locale) {
        return date.format(french(locale) ? FR : EN);
    }
}
