package fr.encaisse.law;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The answer to a {@link PaymentTermCheck}: the latest lawful due date, the rule and legal basis
 * that set it, and by how many days the invoice's due date exceeds it (Code de commerce L441-10 I).
 *
 * @param status            compliant, exceeds the limit, or not regulated (consumer)
 * @param limitDate         latest lawful due date; null when not regulated
 * @param rule              the rule applied
 * @param daysBeyondLimit   days between the limit and the due date when exceeded, else 0
 * @param startDateAssumed  true when the rule counts from receipt/performance, which was unknown, so the
 *                          issue date was used (the real limit can only be earlier)
 */
public record PaymentTermVerdict(Status status, LocalDate limitDate, TermRule rule, long daysBeyondLimit,
                                 boolean startDateAssumed) {

    public enum Status { COMPLIANT, EXCEEDS_LIMIT, NOT_REGULATED }

    public boolean compliant() {
        return status != Status.EXCEEDS_LIMIT;
    }

    public String legalBasis() {
        return rule.legalBasis();
    }

    /** One sentence for import reports and the API. */
    public String explain(Locale locale) {
        boolean fr = locale != null && "fr".equals(locale.getLanguage());
        if (status == Status.NOT_REGULATED) {
            return fr ? "Débiteur consommateur : les plafonds de délai de paiement de l'article L441-10 I du code de "
                    + "commerce ne s'appliquent pas."
                    : "Consumer debtor: the payment-term caps of Code de commerce L441-10 I do not apply.";
        }
        String limit = fr ? DateTimeFormatter.ofPattern("dd/MM/yyyy").format(limitDate) : limitDate.toString();
        String ruleText = fr ? switch (rule) {
            case DEFAULT_30_DAYS_AFTER_RECEIPT -> "délai supplétif de 30 jours après réception des marchandises ou exécution de la prestation";
            case SIXTY_DAYS_FROM_ISSUE -> "60 jours à compter de la date d'émission de la facture";
            case END_OF_MONTH_PLUS_45_DAYS -> "45 jours fin de mois, méthode (a) : fin du mois d'émission puis 45 jours";
            case PLUS_45_DAYS_THEN_END_OF_MONTH -> "45 jours fin de mois, méthode (b) : 45 jours puis fin de mois";
            case PERIODIC_INVOICE_45_DAYS -> "facture périodique : 45 jours à compter de l'émission";
            case PUBLIC_BUYER_30_DAYS -> "acheteur public : délai global de paiement de 30 jours";
            case NOT_REGULATED_FOR_CONSUMERS -> "";
        } : switch (rule) {
            case DEFAULT_30_DAYS_AFTER_RECEIPT -> "default term of 30 days after receipt of goods or performance";
            case SIXTY_DAYS_FROM_ISSUE -> "60 days from the invoice date";
            case END_OF_MONTH_PLUS_45_DAYS -> "45 days end of month, method (a): end of the invoice month, then 45 days";
            case PLUS_45_DAYS_THEN_END_OF_MONTH -> "45 days end of month, method (b): 45 days, then end of month";
            case PERIODIC_INVOICE_45_DAYS -> "periodic invoice: 45 days from the invoice date";
            case PUBLIC_BUYER_30_DAYS -> "public buyer: 30-day overall payment period";
            case NOT_REGULATED_FOR_CONSUMERS -> "";
        };
        String verdict = status == Status.COMPLIANT
                ? (fr ? "Délai conforme" : "Term compliant")
                : (fr ? "Délai excessif de " + daysBeyondLimit + " jour(s)" : "Term exceeds the limit by "
                + daysBeyondLimit + " day(s)");
        String assumed = startDateAssumed
                ? (fr ? " (date de réception inconnue : date de facture retenue)" : " (receipt date unknown: invoice date used)")
                : "";
        return verdict + (fr ? " : limite le " : ": limit ") + limit + ", " + ruleText + assumed + " — " + rule.legalBasis() + ".";
    }
}
