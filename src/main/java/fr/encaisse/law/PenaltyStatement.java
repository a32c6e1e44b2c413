package fr.encaisse.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A claim statement as of a date, for one invoice or for a debtor's invoices: principal still
 * owed, penalty interest period by period, the €40 recovery indemnity and the total claimable,
 * with explanations in French and English quoting the legal references (C. com. L441-10 II and
 * D441-5, C. civ. 1343-1 / 1344-1, CCP R2192-31, as applicable).
 */
public sealed interface PenaltyStatement permits InvoicePenaltyStatement, DebtorPenaltyStatement {

    LocalDate asOf();

    /** Principal still unpaid on the as-of date. */
    BigDecimal principalOutstanding();

    /** Penalty interest accrued up to the as-of date, rounded HALF_UP to the cent once per invoice. */
    BigDecimal interest();

    /** Part of {@link #interest()} already settled by payments allocated to interest (C. civ. 1343-1). */
    BigDecimal interestPaid();

    /** {@code interest() - interestPaid()}. */
    BigDecimal interestOutstanding();

    /** Fixed recovery indemnity claimed: €40 per late invoice to a professional or public debtor. */
    BigDecimal indemnity();

    /** Documented recovery costs above the €40 indemnity (C. com. L441-10 II, last sentence). */
    BigDecimal additionalRecoveryCosts();

    /** principal outstanding + interest outstanding + indemnity + additional recovery costs. */
    BigDecimal totalClaimable();

    /** True when any period was priced with the last known rates instead of the half-year's own. */
    boolean usesFallbackRates();

    /** Distinct legal references the statement relies on, in order of first use. */
    List<String> legalReferences();

    /** The statement in words, for letters and the portal; French for {@code Locale.FRENCH}, else English. */
    String explain(Locale locale);
}
