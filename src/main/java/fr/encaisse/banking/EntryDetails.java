package fr.encaisse.banking;

import java.math.BigDecimal;
import java.util.List;

/**
 * One transaction inside a statement entry: camt {@code Ntry/NtryDtls/TxDtls} (a batch entry has
 * several), or the CFONB 120 record 04 with its 05 complement records (always exactly one).
 * Every field is {@code null} (lists: empty) when the file does not carry it.
 *
 * @param endToEndId             {@code Refs/EndToEndId}; CFONB 05 {@code RCN} (first 35 characters)
 * @param instructionId          {@code Refs/InstrId}
 * @param mandateId              {@code Refs/MndtId} (SEPA direct debit UMR)
 * @param transactionReference   {@code Refs/AcctSvcrRef}, else {@code Refs/TxId}; CFONB 05 {@code REF}
 * @param debtorName             {@code RltdPties/Dbtr/Nm} (.02) or {@code RltdPties/Dbtr/Pty/Nm} (.08);
 *                               CFONB 05 {@code NPY}
 * @param debtorIban             {@code RltdPties/DbtrAcct/Id/IBAN}
 * @param creditorName           {@code RltdPties/Cdtr/Nm} or {@code .../Cdtr/Pty/Nm}; CFONB 05 {@code NBE}
 * @param creditorIban           {@code RltdPties/CdtrAcct/Id/IBAN}
 * @param remittanceLines        {@code RmtInf/Ustrd} lines then {@code RmtInf/Strd/AddtlRmtInf}, in
 *                               file order; CFONB 05 {@code LCC} (+ its {@code LC2} continuation,
 *                               forming the 140-character SEPA remittance) and {@code LIB}
 * @param creditorReferences     {@code RmtInf/Strd/CdtrRefInf/Ref} (e.g. an ISO 11649 RF reference);
 *                               CFONB 05 {@code LCS}
 * @param returnReasonCode       {@code RtrInf/Rsn/Cd} (else {@code Prtry}), e.g. {@code AM04};
 *                               CFONB 04 reject reason code (positions 41-42)
 * @param amount                 this transaction's amount ({@code TxDtls/Amt}, else
 *                               {@code AmtDtls/TxAmt/Amt}); {@code null} when only the entry amount
 *                               is given (always for CFONB 120)
 * @param currency               the currency of {@code amount}
 * @param creditDebit            {@code TxDtls/CdtDbtInd} when given
 */
public record EntryDetails(
        String endToEndId,
        String instructionId,
        String mandateId,
        String transactionReference,
        String debtorName,
        String debtorIban,
        String creditorName,
        String creditorIban,
        List<String> remittanceLines,
        List<String> creditorReferences,
        String returnReasonCode,
        BigDecimal amount,
        String currency,
        CreditDebit creditDebit) {

    public EntryDetails {
        remittanceLines = remittanceLines == null ? List.of() : List.copyOf(remittanceLines);
        creditorReferences = creditorReferences == null ? List.of() : List.copyOf(creditorReferences);
    }

    /** The first structured creditor reference, or {@code null}. */
    public String creditorReference() {
        return creditorReferences.isEmpty() ? null : creditorReferences.get(0);
    }
}
