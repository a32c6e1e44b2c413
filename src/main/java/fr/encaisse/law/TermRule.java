package fr.encaisse.law;

/**
 * The rule that set a payment-term limit, with its legal basis (Code de commerce L441-10 I; Code
 * de la commande publique L2192-10 and R2192-10 for public buyers).
 */
public enum TermRule {
    DEFAULT_30_DAYS_AFTER_RECEIPT("C. com. L441-10 I"),
    SIXTY_DAYS_FROM_ISSUE("C. com. L441-10 I"),
    END_OF_MONTH_PLUS_45_DAYS("C. com. L441-10 I"),
    PLUS_45_DAYS_THEN_END_OF_MONTH("C. com. L441-10 I"),
    PERIODIC_INVOICE_45_DAYS("C. com. L441-10 I ; CGI 289 I-3"),
    PUBLIC_BUYER_30_DAYS("CCP L2192-10, R2192-10"),
    /** Consumers: L441-10 I governs B2B terms only. */
    NOT_REGULATED_FOR_CONSUMERS("C. com. L441-10 I");

    private final String legalBasis;

    TermRule(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
