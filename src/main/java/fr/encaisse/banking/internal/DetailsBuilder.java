package fr.encaisse.banking.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.EntryDetails;

/** Collects one transaction's fields while its camt {@code TxDtls} or CFONB 05 records are read. */
final class DetailsBuilder {

    String endToEndId;
    String instructionId;
    String mandateId;
    String accountServicerReference;
    String transactionId;
    String debtorName;
    String debtorIban;
    String creditorName;
    String creditorIban;
    final List<String> remittanceLines = new ArrayList<>();
    final List<String> creditorReferences = new ArrayList<>();
    String returnReasonCode;
    String returnReasonProprietary;
    BigDecimal amount;
    String currency;
    BigDecimal transactionAmount;
    String transactionCurrency;
    CreditDebit creditDebit;

    EntryDetails build() {
        boolean ownAmount = amount != null;
        return new EntryDetails(
                endToEndId,
                instructionId,
                mandateId,
                accountServicerReference != null ? accountServicerReference : transactionId,
                debtorName,
                debtorIban,
                creditorName,
                creditorIban,
                remittanceLines,
                creditorReferences,
                returnReasonCode != null ? returnReasonCode : returnReasonProprietary,
                ownAmount ? amount : transactionAmount,
                ownAmount ? currency : transactionCurrency,
                creditDebit);
    }
}
