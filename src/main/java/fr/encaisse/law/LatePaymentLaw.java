package fr.encaisse.law;

import fr.encaisse.law.internal.MentionRules;
import fr.encaisse.law.internal.PaymentTermRules;
import fr.encaisse.law.internal.PenaltyCalculator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The front door of the {@code law} module: French B2B late-payment law as pure functions of
 * dates and amounts (Code de commerce L441-9, L441-10, D441-5; Code civil 1231-6, 1343-1, 1344-1;
 * Code de la commande publique L2192-10 to L2192-14, R2192-31, D2192-35; CGI annexe II art. 242
 * nonies A). No I/O beyond the rate table given at construction. Immutable and thread-safe:
 * {@link #withRates(RateTable)} returns a new instance, so the application can swap the table at
 * run time by replacing one reference.
 */
public final class LatePaymentLaw {

    /**
     * When SMEs and micro-companies must show the e-invoicing reform's new mentions (buyer SIREN…):
     * the issuing obligation date for them (décret 2024-266). Large and mid-size companies: 2026-09-01.
     */
    public static final LocalDate SME_REFORM_MENTIONS_FROM = LocalDate.of(2027, 9, 1);

    private final RateTable rates;
    private final PenaltyCalculator calculator;

    public LatePaymentLaw(RateTable rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.calculator = new PenaltyCalculator(rates);
    }

    /** With the rate table shipped in this release. */
    public static LatePaymentLaw withBundledRates() {
        return new LatePaymentLaw(RateTable.bundled());
    }

    /** The same law with another rate table (e.g. one uploaded by an operator). */
    public LatePaymentLaw withRates(RateTable newRates) {
        return new LatePaymentLaw(newRates);
    }

    public RateTable rates() {
        return rates;
    }

    /** Does a payment term respect L441-10 I (or R2192-10 for public buyers)? */
    public PaymentTermVerdict checkPaymentTerm(PaymentTermCheck check) {
        return PaymentTermRules.check(Objects.requireNonNull(check, "check"));
    }

    /**
     * Penalty statement of one invoice as of a date: interest for each day after the due date up to
     * and including {@code asOf}, indemnity, total claimable.
     *
     * @throws RateNotAvailableException when a late day falls outside the rate table and the terms do
     *                                   not ask for {@link MissingRatePolicy#LAST_KNOWN_RATE}
     */
    public InvoicePenaltyStatement statement(LateInvoice invoice, PenaltyTerms terms, LocalDate asOf) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(asOf, "asOf");
        return calculator.compute(invoice, terms, asOf);
    }

    /**
     * Statement of a debtor's invoices as of a date, each invoice id counted once (so its €40
     * indemnity at most once). Identical repeats are dropped and listed; two different invoices
     * under the same id are an error, because which one to claim cannot be guessed.
     *
     * @throws IllegalArgumentException when one id is given with different contents
     */
    public DebtorPenaltyStatement debtorStatement(String debtorId, Collection<LateInvoice> invoices,
                                                  PenaltyTerms terms, LocalDate asOf) {
        Map<String, LateInvoice> byId = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (LateInvoice invoice : invoices) {
            LateInvoice previous = byId.putIfAbsent(invoice.id(), invoice);
            if (previous != null) {
                if (!previous.equals(invoice)) {
                    throw new IllegalArgumentException("invoice " + invoice.id()
                            + " is listed twice with different contents");
                }
                if (!duplicates.contains(invoice.id())) {
                    duplicates.add(invoice.id());
                }
            }
        }
        List<InvoicePenaltyStatement> statements = byId.values().stream()
                .map(i -> statement(i, terms, asOf)).toList();
        return new DebtorPenaltyStatement(debtorId, asOf, statements, duplicates);
    }

    /** Missing mandatory mentions, assuming an SME seller for the reform's start date. */
    public MentionsCheck checkMentions(InvoiceMentions invoice) {
        return checkMentions(invoice, SME_REFORM_MENTIONS_FROM);
    }

    /**
     * Missing mandatory mentions.
     *
     * @param reformMentionsFrom date from which the seller must show the e-invoicing reform's mentions
     *                           (2026-09-01 for large and mid-size companies, 2027-09-01 for SMEs)
     */
    public MentionsCheck checkMentions(InvoiceMentions invoice, LocalDate reformMentionsFrom) {
        return MentionRules.check(Objects.requireNonNull(invoice, "invoice"), reformMentionsFrom);
    }
}
