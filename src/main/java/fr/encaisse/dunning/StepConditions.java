package fr.encaisse.dunning;

import fr.encaisse.ledger.DebtorKind;
import java.math.BigDecimal;
import java.util.Set;

/**
 * When a step applies; an empty set means "any". A step whose conditions do not hold on its date is
 * passed over (the next step is considered instead).
 *
 * @param minOpenAmount  at least this much open: on the invoice (per-invoice scenarios) or on all the
 *                       debtor's invoices the contact would list (per-debtor scenarios)
 * @param segments       debtor segments (set per debtor in dunning), e.g. {@code vip}
 * @param riskClasses    debtor risk classes (set per debtor), e.g. {@code C}, {@code D}
 * @param debtorKinds    B2B, B2C, PUBLIC
 */
public record StepConditions(BigDecimal minOpenAmount, Set<String> segments, Set<String> riskClasses,
                             Set<DebtorKind> debtorKinds) {

    public static final StepConditions NONE = new StepConditions(null, Set.of(), Set.of(), Set.of());

    public StepConditions {
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        riskClasses = riskClasses == null ? Set.of() : Set.copyOf(riskClasses);
        debtorKinds = debtorKinds == null ? Set.of() : Set.copyOf(debtorKinds);
    }

    public boolean isEmpty() {
        return minOpenAmount == null && segments.isEmpty() && riskClasses.isEmpty() && debtorKinds.isEmpty();
    }
}
