package fr.encaisse.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One booked line of a statement, the same for every format so the matching engine sees one
 * model: a camt.053/camt.054 {@code Ntry} (ISO 20022), or a CFONB 120 record 04 with its 05
 * complements.
 *
 * @param statementId              the statement it belongs to ({@link StatementHeader#statementId()})
 * @param accountId                the account ({@link StatementHeader#accountId()})
 * @param position                 1-based rank of the entry within its statement
 * @param line                     the line where the entry starts in the file
 * @param amount                   {@code Ntry/Amt}, absolute, never negative
 * @param currency                 {@code Ntry/Amt/@Ccy}; CFONB currency code
 * @param creditDebit              {@code Ntry/CdtDbtInd}; CFONB sign of the amount
 * @param reversal                 {@code Ntry/RvslInd}: this entry cancels an earlier one (a returned
 *                                 credit is a {@code DBIT} with the reversal flag); always
 *                                 {@code false} for CFONB 120
 * @param status                   {@code Ntry/Sts} ({@code BOOK}, {@code PDNG}, {@code INFO});
 *                                 {@code BOOK} for CFONB 120
 * @param bookingDate              {@code Ntry/BookgDt}; CFONB date (positions 35-40)
 * @param valueDate                {@code Ntry/ValDt}; CFONB value date (positions 43-48)
 * @param entryReference           {@code Ntry/NtryRef}; CFONB entry number (positions 82-88)
 * @param accountServicerReference {@code Ntry/AcctSvcrRef}; CFONB reference (positions 105-120)
 * @param bankTransactionCode      {@code BkTxCd/Domn} as {@code DOMAIN/FAMILY/SUBFAMILY}, e.g.
 *                                 {@code PMNT/RCDT/ESCT}; {@code null} for CFONB 120
 * @param proprietaryCode          {@code BkTxCd/Prtry/Cd}; CFONB interbank operation code
 *                                 (positions 33-34)
 * @param additionalInfo           {@code Ntry/AddtlNtryInf}; CFONB label (positions 49-79)
 * @param details                  the transactions of the entry, several for a batch
 * @param fingerprint              stable SHA-256 (hex) identifying this line: re-importing the same
 *                                 statement yields the same fingerprints (see docs/banking.md)
 */
public record StatementEntry(
        String statementId,
        String accountId,
        int position,
        long line,
        BigDecimal amount,
        String currency,
        CreditDebit creditDebit,
        boolean reversal,
        String status,
        LocalDate bookingDate,
        LocalDate valueDate,
        String entryReference,
        String accountServicerReference,
        String bankTransactionCode,
        String proprietaryCode,
        String additionalInfo,
        List<EntryDetails> details,
        String fingerprint) {

    public StatementEntry {
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(creditDebit, "creditDebit");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an entry amount is absolute; use creditDebit for the sign");
        }
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The amount signed from the holder's point of view: positive money in, negative money out. */
    public BigDecimal signedAmount() {
        return creditDebit.signed(amount);
    }
}
