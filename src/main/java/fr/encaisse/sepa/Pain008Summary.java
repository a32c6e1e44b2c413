package fr.encaisse.sepa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a written pain.008 file contains: the totals of its group header and of each payment
 * information block, for the ledger and for checking the bank's pain.002 acknowledgement.
 */
public record Pain008Summary(String messageId, PainVersion version, long numberOfTransactions,
        BigDecimal controlSum, List<PaymentInformation> paymentInformations) {

    public Pain008Summary {
        paymentInformations = List.copyOf(paymentInformations);
    }

    /** One {@code PmtInf} block: all debits sharing a collection date, scheme and sequence type. */
    public record PaymentInformation(String paymentInformationId, LocalDate collectionDate, Scheme scheme,
            SequenceType sequenceType, long numberOfTransactions, BigDecimal controlSum) {
    }
}
