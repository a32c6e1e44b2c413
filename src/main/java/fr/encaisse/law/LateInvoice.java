package fr.encaisse.law;

import fr.encaisse.law.internal.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An invoice as the late-payment rules see it: its due date, the amount that bears interest
 * (usually the amount including VAT, by practice) and what reduced it. Build one in a line:
 * {@code LateInvoice.of("F-1", dueDate, new BigDecimal("1000.00")).withPayment(date, amount)}.
 *
 * @param id                      invoice identifier (dedup key in debtor statements)
 * @param dueDate                 due date printed on the invoice; interest runs from the next day (L441-10 II)
 * @param principal               amount that bears interest, in euros
 * @param reductions              payments and credit notes, any order
 * @param formalNoticeDate        date of the formal notice (mise en demeure), or null; starts consumer
 *                                interest (C. civ. 1344-1)
 * @param indemnityAlreadyClaimed the €40 indemnity was already claimed for this invoice (D441-5: once per invoice)
 * @param recoveryCosts           documented recovery costs actually incurred (e.g. agency, bailiff), ≥ 0;
 *                                only the part above €40 is claimable on top of the indemnity (L441-10 II)
 */
public record LateInvoice(String id, LocalDate dueDate, BigDecimal principal, List<Reduction> reductions,
                          LocalDate formalNoticeDate, boolean indemnityAlreadyClaimed, BigDecimal recoveryCosts) {

    public LateInvoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(principal, "principal");
        if (principal.signum() < 0) {
            throw new IllegalArgumentException("principal must not be negative, got " + principal);
        }
        principal = Money.euros(principal);
        List<Reduction> sorted = new ArrayList<>(Objects.requireNonNullElse(reductions, List.of()));
        sorted.sort(Comparator.comparing(Reduction::date)); // stable: same-day reductions keep their order
        reductions = List.copyOf(sorted);
        recoveryCosts = recoveryCosts == null ? Money.ZERO : Money.euros(recoveryCosts);
        if (recoveryCosts.signum() < 0) {
            throw new IllegalArgumentException("recovery costs must not be negative, got " + recoveryCosts);
        }
    }

    public static LateInvoice of(String id, LocalDate dueDate, BigDecimal principal) {
        return new LateInvoice(id, dueDate, principal, List.of(), null, false, null);
    }

    public LateInvoice withReduction(Reduction reduction) {
        List<Reduction> all = new ArrayList<>(reductions);
        all.add(reduction);
        return new LateInvoice(id, dueDate, principal, all, formalNoticeDate, indemnityAlreadyClaimed, recoveryCosts);
    }

    public LateInvoice withPayment(LocalDate date, BigDecimal amount) {
        return withReduction(Reduction.payment(date, amount));
    }

    public LateInvoice withCreditNote(LocalDate date, BigDecimal amount) {
        return withReduction(Reduction.creditNote(date, amount));
    }

    public LateInvoice withFormalNotice(LocalDate date) {
        return new LateInvoice(id, dueDate, principal, reductions, date, indemnityAlreadyClaimed, recoveryCosts);
    }

    public LateInvoice withIndemnityAlreadyClaimed() {
        return new LateInvoice(id, dueDate, principal, reductions, formalNoticeDate, true, recoveryCosts);
    }

    public LateInvoice withRecoveryCosts(BigDecimal documentedCosts) {
        return new LateInvoice(id, dueDate, principal, reductions, formalNoticeDate, indemnityAlreadyClaimed,
                documentedCosts);
    }
}
