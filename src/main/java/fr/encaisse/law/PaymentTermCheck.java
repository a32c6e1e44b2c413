package fr.encaisse.law;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The question "does this invoice's payment term respect the legal maximum?" (Code de commerce
 * L441-10 I; CCP R2192-10 for public buyers).
 *
 * @param issueDate  invoice date
 * @param dueDate    due date printed on the invoice
 * @param agreed     the agreed term (ignored for public buyers and consumers)
 * @param debtor     debtor category
 * @param startDate  receipt of goods / performance of the service (default term) or receipt of the
 *                   payment request (public buyer); null when unknown, in which case the issue date
 *                   is used and the verdict says so
 */
public record PaymentTermCheck(LocalDate issueDate, LocalDate dueDate, AgreedTerm agreed, DebtorCategory debtor,
                               LocalDate startDate) {

    public PaymentTermCheck {
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        agreed = Objects.requireNonNullElse(agreed, AgreedTerm.NONE);
        Objects.requireNonNull(debtor, "debtor");
    }

    public static PaymentTermCheck of(LocalDate issueDate, LocalDate dueDate, AgreedTerm agreed, DebtorCategory debtor) {
        return new PaymentTermCheck(issueDate, dueDate, agreed, debtor, null);
    }

    public PaymentTermCheck withStartDate(LocalDate date) {
        return new PaymentTermCheck(issueDate, dueDate, agreed, debtor, date);
    }
}
