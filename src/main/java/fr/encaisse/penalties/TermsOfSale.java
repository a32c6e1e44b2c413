package fr.encaisse.penalties;

import fr.encaisse.law.AgreedTerm;
import fr.encaisse.law.Allocation;
import fr.encaisse.law.CreditorKind;
import fr.encaisse.law.DayCount;
import java.math.BigDecimal;

/**
 * What a tenant's terms of sale say about late payment, for all its debtors or overriding them
 * for one. A field left out takes its default (PUT replaces the whole terms).
 *
 * @param contractRate           annual penalty rate in percent written in the terms; null = the legal
 *                               default (ECB + 10 points). A contract rate is floored at 3× the legal rate.
 * @param agreedTerm             the payment term agreed (for the L441-10 I check)
 * @param allocation             how partial payments are applied (principal first, or interest first
 *                               per Code civil 1343-1)
 * @param dayCount               day-count convention (ACT/365 by default)
 * @param creditorKind           company (almost always) or private person, for the legal rate
 * @param lastKnownRatesAllowed  when the rate table lacks a half-year: false = refuse the statement,
 *                               true = use the last known rates and flag the statement as provisional
 */
public record TermsOfSale(BigDecimal contractRate, AgreedTerm agreedTerm, Allocation allocation, DayCount dayCount,
                          CreditorKind creditorKind, Boolean lastKnownRatesAllowed) {

    public static final TermsOfSale LEGAL_DEFAULT = new TermsOfSale(null, AgreedTerm.SIXTY_DAYS_FROM_ISSUE,
            Allocation.PRINCIPAL_FIRST, DayCount.ACT_365, CreditorKind.COMPANY, false);

    public TermsOfSale {
        agreedTerm = agreedTerm == null ? AgreedTerm.SIXTY_DAYS_FROM_ISSUE : agreedTerm;
        allocation = allocation == null ? Allocation.PRINCIPAL_FIRST : allocation;
        dayCount = dayCount == null ? DayCount.ACT_365 : dayCount;
        creditorKind = creditorKind == null ? CreditorKind.COMPANY : creditorKind;
        lastKnownRatesAllowed = Boolean.TRUE.equals(lastKnownRatesAllowed);
    }
}
