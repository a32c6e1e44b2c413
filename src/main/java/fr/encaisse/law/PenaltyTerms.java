package fr.encaisse.law;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The creditor's late-payment terms for one debtor (C. com. L441-10 II for the rate and its floor):
 * the tenant's terms of sale, possibly overridden per debtor. Start from {@link #professional()}, {@link #publicBuyer()} or
 * {@link #consumer()} and adjust with the {@code with…} methods.
 *
 * @param debtor            debtor category
 * @param creditor          creditor kind (which legal rate applies to consumer debts)
 * @param contractRate      annual penalty rate stipulated in the terms of sale, in percent, or null
 *                          (professional: floored at 3× the legal rate; public buyer: ignored, the
 *                          rate is regulatory; consumer: applies from the due date)
 * @param dayCount          day-count convention (default ACT/365)
 * @param allocation        how payments are allocated (default principal first)
 * @param rateFixing        which half-year prices each late day; null means the category's default
 * @param missingRatePolicy what to do beyond the rate table (default: fail)
 */
public record PenaltyTerms(DebtorCategory debtor, CreditorKind creditor, BigDecimal contractRate, DayCount dayCount,
                           Allocation allocation, RateFixing rateFixing, MissingRatePolicy missingRatePolicy) {

    public PenaltyTerms {
        Objects.requireNonNull(debtor, "debtor");
        creditor = Objects.requireNonNullElse(creditor, CreditorKind.COMPANY);
        dayCount = Objects.requireNonNullElse(dayCount, DayCount.ACT_365);
        allocation = Objects.requireNonNullElse(allocation, Allocation.PRINCIPAL_FIRST);
        missingRatePolicy = Objects.requireNonNullElse(missingRatePolicy, MissingRatePolicy.FAIL);
        if (contractRate != null && contractRate.signum() < 0) {
            throw new IllegalArgumentException("contract rate must not be negative, got " + contractRate);
        }
    }

    public static PenaltyTerms professional() {
        return new PenaltyTerms(DebtorCategory.PROFESSIONAL, null, null, null, null, null, null);
    }

    public static PenaltyTerms publicBuyer() {
        return new PenaltyTerms(DebtorCategory.PUBLIC_BUYER, null, null, null, null, null, null);
    }

    public static PenaltyTerms consumer() {
        return new PenaltyTerms(DebtorCategory.CONSUMER, null, null, null, null, null, null);
    }

    public static PenaltyTerms of(DebtorCategory debtor) {
        return new PenaltyTerms(debtor, null, null, null, null, null, null);
    }

    /** The rate-fixing rule in force: the explicit one, else R2192-31 for public buyers, else per half-year. */
    public RateFixing effectiveRateFixing() {
        if (rateFixing != null) {
            return rateFixing;
        }
        return debtor == DebtorCategory.PUBLIC_BUYER ? RateFixing.FIRST_LATE_HALF_YEAR : RateFixing.EACH_HALF_YEAR;
    }

    public PenaltyTerms withCreditor(CreditorKind kind) {
        return new PenaltyTerms(debtor, kind, contractRate, dayCount, allocation, rateFixing, missingRatePolicy);
    }

    public PenaltyTerms withContractRate(BigDecimal annualPercent) {
        return new PenaltyTerms(debtor, creditor, annualPercent, dayCount, allocation, rateFixing, missingRatePolicy);
    }

    public PenaltyTerms withDayCount(DayCount convention) {
        return new PenaltyTerms(debtor, creditor, contractRate, convention, allocation, rateFixing, missingRatePolicy);
    }

    public PenaltyTerms withAllocation(Allocation rule) {
        return new PenaltyTerms(debtor, creditor, contractRate, dayCount, rule, rateFixing, missingRatePolicy);
    }

    public PenaltyTerms withRateFixing(RateFixing rule) {
        return new PenaltyTerms(debtor, creditor, contractRate, dayCount, allocation, rule, missingRatePolicy);
    }

    public PenaltyTerms withMissingRatePolicy(MissingRatePolicy policy) {
        return new PenaltyTerms(debtor, creditor, contractRate, dayCount, allocation, rateFixing, policy);
    }
}
