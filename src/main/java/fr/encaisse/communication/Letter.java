package fr.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Everything a letter says, already in the debtor's language: a {@link LetterRenderer} only lays
 * it out. Amounts are at the currency's scale; {@code interest}/{@code indemnity} are null where
 * penalties could not be computed ({@code penaltyNote} then says why).
 */
public record Letter(String template, Locale locale, boolean registered, Party sender, Party recipient, String place,
                     LocalDate date, String reference, String title, String salutation, List<String> paragraphs,
                     List<Line> invoices, Totals totals, String penaltyExplanation, String penaltyNote,
                     LocalDate deadline, String closing, String signature, String portalLink) {

    public record Party(String name, String line1, String line2, String postalCode, String city, String country) {
    }

    public record Line(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal open,
                       long daysLate, BigDecimal interest, BigDecimal indemnity) {
    }

    public record Totals(String currency, BigDecimal open, BigDecimal interest, BigDecimal indemnity, BigDecimal claimed) {
    }
}
