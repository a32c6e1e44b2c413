package fr.encaisse.sepa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A customer payment status report, ISO 20022 {@code pain.002.001.03} or {@code pain.002.001.10}:
 * the bank's answer to a pain.008 file, at group, payment-information and transaction level,
 * as read by {@link Pain002Reader}. Statuses are the ISO codes as written ({@code ACCP},
 * {@code ACTC}, {@code PART}, {@code RJCT}…); a level without a status inherits its parent's.
 *
 * @param messageName          {@code pain.002.001.03} or {@code pain.002.001.10}
 * @param messageId            {@code GrpHdr/MsgId}
 * @param creationTime         {@code GrpHdr/CreDtTm} (a time without offset is read as UTC), or null
 * @param originalMessageId    {@code OrgnlGrpInfAndSts/OrgnlMsgId}: the pain.008 {@code MsgId}
 * @param originalMessageName  {@code OrgnlGrpInfAndSts/OrgnlMsgNmId}, e.g. {@code pain.008.001.08}
 * @param groupStatus          {@code OrgnlGrpInfAndSts/GrpSts}, or null
 * @param groupReasons         {@code OrgnlGrpInfAndSts/StsRsnInf}
 */
public record PaymentStatusReport(String messageName, String messageId, OffsetDateTime creationTime,
        String originalMessageId, String originalMessageName, String groupStatus, List<StatusReason> groupReasons,
        List<PaymentInformationStatus> paymentInformations) {

    public static final String REJECTED = "RJCT";

    public PaymentStatusReport {
        Objects.requireNonNull(messageName, "messageName");
        groupReasons = List.copyOf(groupReasons);
        paymentInformations = List.copyOf(paymentInformations);
    }

    /** Whether the bank rejected the whole file. */
    public boolean groupRejected() {
        return REJECTED.equals(groupStatus);
    }

    /**
     * One {@code StsRsnInf}: a reason code ({@code Rsn/Cd}, or {@code Rsn/Prtry} when
     * {@code proprietary}) and free text.
     */
    public record StatusReason(String code, boolean proprietary, List<String> additionalInformation) {

        public StatusReason {
            additionalInformation = List.copyOf(additionalInformation);
        }
    }

    /** {@code OrgnlPmtInfAndSts}: one payment-information block of the original file. */
    public record PaymentInformationStatus(String originalPaymentInformationId, String status,
            List<StatusReason> reasons, List<TransactionStatus> transactions) {

        public PaymentInformationStatus {
            reasons = List.copyOf(reasons);
            transactions = List.copyOf(transactions);
        }
    }

    /**
     * {@code TxInfAndSts}: one transaction of the original file.
     *
     * @param originalEndToEndId       {@code OrgnlEndToEndId}: how the debit is found again
     * @param status                   {@code TxSts}, or null (inherits the block's or the group's)
     * @param charges                  sum of {@code ChrgsInf/Amt} (the bank's fee), or null
     * @param originalAmount           {@code OrgnlTxRef/Amt/InstdAmt}, or null
     * @param requestedCollectionDate  {@code OrgnlTxRef/ReqdColltnDt}, or null
     * @param mandateId                {@code OrgnlTxRef/MndtRltdInf/MndtId}, or null
     * @param line                     line of {@code <TxInfAndSts>} in the file
     */
    public record TransactionStatus(String statusId, String originalInstructionId, String originalEndToEndId,
            String status, List<StatusReason> reasons, BigDecimal charges, String chargesCurrency,
            BigDecimal originalAmount, LocalDate requestedCollectionDate, String mandateId, long line) {

        public TransactionStatus {
            reasons = List.copyOf(reasons);
        }

        /** The first ISO reason code ({@code Rsn/Cd}), else the first proprietary one, else null. */
        public String reasonCode() {
            return reasons.stream().filter(r -> !r.proprietary()).map(StatusReason::code).findFirst()
                    .orElse(reasons.isEmpty() ? null : reasons.get(0).code());
        }
    }
}
