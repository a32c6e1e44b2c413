package fr.encaisse.law;

/**
 * The payment term agreed between the parties, as the input of a payment-term check
 * (Code de commerce L441-10 I).
 */
public enum AgreedTerm {
    /** Nothing agreed: the 30-day default from receipt of goods / performance applies. */
    NONE,
    /** At most 60 days from the invoice date. */
    SIXTY_DAYS_FROM_ISSUE,
    /**
     * "45 jours fin de mois", method (a): end of the invoice month, then 45 days. The reading
     * favoured by parliamentary answers.
     */
    END_OF_MONTH_PLUS_45_DAYS,
    /** "45 jours fin de mois", method (b): invoice date + 45 days, then end of that month. */
    PLUS_45_DAYS_THEN_END_OF_MONTH,
    /** Periodic invoice (CGI 289 I-3): at most 45 days from the invoice date. */
    PERIODIC_INVOICE_45_DAYS
}
