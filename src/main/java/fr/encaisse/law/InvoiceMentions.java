package fr.encaisse.law;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an invoice (with the terms of sale it refers to) shows, as far as the mandatory-mention
 * check of Code de commerce L441-9 and CGI annexe II art. 242 nonies A needs to know. Blank
 * strings count as missing. Build with {@link #builder(DebtorCategory, LocalDate)}.
 */
public record InvoiceMentions(DebtorCategory buyer, LocalDate issueDate, String invoiceNumber,
                              boolean partiesNamesAndAddresses, LocalDate dueDate, boolean penaltyRateMentioned,
                              boolean recoveryIndemnityMentioned, boolean earlyPaymentDiscountTermsMentioned,
                              String sellerSiren, String buyerSiren, String sellerVatNumber, String buyerVatNumber,
                              boolean intraEuSupply) {

    public InvoiceMentions {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(issueDate, "issueDate");
    }

    public static Builder builder(DebtorCategory buyer, LocalDate issueDate) {
        return new Builder(buyer, issueDate);
    }

    /** Fluent construction: only the mentions present need to be set. */
    public static final class Builder {
        private final DebtorCategory buyer;
        private final LocalDate issueDate;
        private String invoiceNumber;
        private boolean partiesNamesAndAddresses;
        private LocalDate dueDate;
        private boolean penaltyRate;
        private boolean recoveryIndemnity;
        private boolean earlyPaymentDiscountTerms;
        private String sellerSiren;
        private String buyerSiren;
        private String sellerVatNumber;
        private String buyerVatNumber;
        private boolean intraEuSupply;

        private Builder(DebtorCategory buyer, LocalDate issueDate) {
            this.buyer = buyer;
            this.issueDate = issueDate;
        }

        public Builder invoiceNumber(String v) { invoiceNumber = v; return this; }
        public Builder partiesNamesAndAddresses() { partiesNamesAndAddresses = true; return this; }
        public Builder dueDate(LocalDate v) { dueDate = v; return this; }
        public Builder penaltyRateMentioned() { penaltyRate = true; return this; }
        public Builder recoveryIndemnityMentioned() { recoveryIndemnity = true; return this; }
        public Builder earlyPaymentDiscountTermsMentioned() { earlyPaymentDiscountTerms = true; return this; }
        public Builder sellerSiren(String v) { sellerSiren = v; return this; }
        public Builder buyerSiren(String v) { buyerSiren = v; return this; }
        public Builder sellerVatNumber(String v) { sellerVatNumber = v; return this; }
        public Builder buyerVatNumber(String v) { buyerVatNumber = v; return this; }
        public Builder intraEuSupply() { intraEuSupply = true; return this; }

        public InvoiceMentions build() {
            return new InvoiceMentions(buyer, issueDate, invoiceNumber, partiesNamesAndAddresses, dueDate, penaltyRate,
                    recoveryIndemnity, earlyPaymentDiscountTerms, sellerSiren, buyerSiren, sellerVatNumber,
                    buyerVatNumber, intraEuSupply);
        }
    }
}
