package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.SepaText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One collection to write into a pain.008 file ({@code DrctDbtTxInf}), in euros. Identifiers are
 * checked when the record is built (a {@link SepaValidationException} names the field and the
 * end-to-end id); free text (names, remittance) is transliterated to the SEPA Latin set and cut to
 * the schema lengths when written.
 *
 * @param endToEndId            {@code PmtId/EndToEndId}, returned by the debtor's bank in R-transactions
 * @param amount                {@code InstdAmt}, EUR, 0.01 to 999 999 999.99, at most 2 decimals
 * @param mandateId             the UMR ({@code MndtId})
 * @param dateOfSignature       {@code DtOfSgntr}
 * @param sequenceType          from {@link SequenceTypePolicy}
 * @param scheme                CORE or B2B
 * @param collectionDate        {@code ReqdColltnDt}; see {@link CollectionDates#collectionDate}
 * @param debtorName            {@code Dbtr/Nm} (70 characters once written)
 * @param debtorIban            {@code DbtrAcct/Id/IBAN}
 * @param debtorBic             {@code DbtrAgt} BIC, optional ({@code NOTPROVIDED} when absent)
 * @param debtorAddress         optional
 * @param remittanceInformation {@code RmtInf/Ustrd}, optional, cut to 140 characters
 * @param amendment             mandate changes since the last collection, {@link Amendment#NONE} if none
 */
public record Debit(String endToEndId, BigDecimal amount, String mandateId, LocalDate dateOfSignature,
        SequenceType sequenceType, Scheme scheme, LocalDate collectionDate, String debtorName, String debtorIban,
        String debtorBic, PostalAddress debtorAddress, String remittanceInformation, Amendment amendment) {

    /**
     * The order the writer needs: debits of one payment-information block (collection date, scheme,
     * sequence type) must be contiguous. Sort with it, or ORDER BY the same columns.
     */
    public static final Comparator<Debit> PAYMENT_GROUP_ORDER = Comparator.comparing(Debit::collectionDate)
            .thenComparing(Debit::scheme)
            .thenComparing(Debit::sequenceType);

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    public Debit {
        endToEndId = SepaIdentifiers.requireReference("endToEndId", endToEndId);
        String context = "debit " + endToEndId;
        try {
            amount = checkAmount(amount);
            mandateId = SepaIdentifiers.requireMandateReference("mandateId", mandateId);
            require(dateOfSignature, "dateOfSignature");
            require(sequenceType, "sequenceType");
            require(scheme, "scheme");
            require(collectionDate, "collectionDate");
            if (dateOfSignature.isAfter(collectionDate)) {
                throw new SepaValidationException("dateOfSignature", "is after the collection date " + collectionDate);
            }
            if (debtorName == null || !SepaText.hasLatinContent(debtorName)) {
                throw new SepaValidationException("debtorName", "is missing or has no Latin letter or digit");
            }
            debtorIban = SepaIdentifiers.requireIban("debtorIban", debtorIban);
            debtorBic = SepaIdentifiers.optionalBic("debtorBic", debtorBic);
            amendment = amendment == null ? Amendment.NONE : amendment;
            if (sequenceType == SequenceType.OOFF && amendment.isAmended()) {
                throw new SepaValidationException("amendment", "cannot be carried by a one-off (OOFF) collection");
            }
        } catch (SepaValidationException e) {
            throw e.in(context);
        }
    }

    private static BigDecimal checkAmount(BigDecimal amount) {
        require(amount, "amount");
        BigDecimal a = amount.stripTrailingZeros();
        if (a.scale() > 2) {
            throw new SepaValidationException("amount", "has more than 2 decimals: " + amount.toPlainString());
        }
        if (a.signum() <= 0 || a.compareTo(MAX_AMOUNT) > 0) {
            throw new SepaValidationException("amount", "must be between 0.01 and 999999999.99 EUR, got "
                    + amount.toPlainString());
        }
        return a.setScale(2);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new SepaValidationException(field, "is missing");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Debit} by field name; {@code debtorBic}, address, remittance and amendment are
     * optional; the scheme defaults to CORE.
     */
    public static final class Builder {
        private String endToEndId;
        private BigDecimal amount;
        private String mandateId;
        private LocalDate dateOfSignature;
        private SequenceType sequenceType;
        private Scheme scheme = Scheme.CORE;
        private LocalDate collectionDate;
        private String debtorName;
        private String debtorIban;
        private String debtorBic;
        private PostalAddress debtorAddress;
        private String remittanceInformation;
        private Amendment amendment = Amendment.NONE;

        private Builder() {
        }

        public Builder endToEndId(String v) { this.endToEndId = v; return this; }
        public Builder amount(BigDecimal v) { this.amount = v; return this; }
        public Builder amount(String v) { this.amount = new BigDecimal(v); return this; }
        public Builder mandateId(String v) { this.mandateId = v; return this; }
        public Builder dateOfSignature(LocalDate v) { this.dateOfSignature = v; return this; }
        public Builder sequenceType(SequenceType v) { this.sequenceType = v; return this; }
        public Builder scheme(Scheme v) { this.scheme = v; return this; }
        public Builder collectionDate(LocalDate v) { this.collectionDate = v; return this; }
        public Builder debtorName(String v) { this.debtorName = v; return this; }
        public Builder debtorIban(String v) { this.debtorIban = v; return this; }
        public Builder debtorBic(String v) { this.debtorBic = v; return this; }
        public Builder debtorAddress(PostalAddress v) { this.debtorAddress = v; return this; }
        public Builder remittanceInformation(String v) { this.remittanceInformation = v; return this; }
        public Builder amendment(Amendment v) { this.amendment = v; return this; }

        /** Mandate id, debtor account and amendment from a mandate's history and current details. */
        public Builder mandate(MandateHistory history) {
            Objects.requireNonNull(history, "history");
            MandateDetails d = history.current();
            this.mandateId = d.mandateId();
            this.dateOfSignature = history.signatureDate();
            this.debtorIban = d.debtorIban();
            this.debtorBic = d.debtorBic();
            this.amendment = history.pendingAmendment();
            return this;
        }

        public Debit build() {
            return new Debit(endToEndId, amount, mandateId, dateOfSignature, sequenceType, scheme, collectionDate,
                    debtorName, debtorIban, debtorBic, debtorAddress, remittanceInformation, amendment);
        }
    }
}
