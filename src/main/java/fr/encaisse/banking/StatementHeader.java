package fr.encaisse.banking;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What a statement says about itself: one camt.053 {@code Stmt}, one camt.054 {@code Ntfctn}, or
 * one CFONB 120 block from a record 01 (previous balance) to its record 07 (new balance).
 *
 * <p>A file may hold several statements (several accounts or days). The header passed to
 * {@link StatementListener#statementStarted} carries what is known before the first entry; the
 * one passed to {@link StatementListener#statementEnded} is complete (a CFONB closing balance is
 * only read at the end of its block).
 *
 * @param format         the file's format
 * @param messageName    the exact message, e.g. {@code camt.053.001.08}, or {@code CFONB120}
 * @param messageId      camt {@code GrpHdr/MsgId}; {@code null} for CFONB 120, which has none
 * @param statementId    camt {@code Stmt/Id} or {@code Ntfctn/Id}; for CFONB 120
 *                       {@code <accountId>/<date of the previous balance>}
 * @param accountIban    camt {@code Acct/Id/IBAN}; for CFONB 120 the French IBAN derived from
 *                       the bank, branch and account numbers; {@code null} when unknown
 * @param accountId      the IBAN when known, otherwise camt {@code Acct/Id/Othr/Id} or the CFONB
 *                       {@code bank branch account} triple; never {@code null}
 * @param currency       camt {@code Acct/Ccy}, else the opening balance's currency; CFONB
 *                       currency code; {@code null} when the file does not say
 * @param creationTime   camt {@code Stmt/CreDtTm}, else {@code GrpHdr/CreDtTm} (a time without
 *                       offset is read as Europe/Paris time); {@code null} for CFONB 120
 * @param openingBalance OPBD (or PRCD) balance, CFONB record 01; {@code null} when absent
 * @param closingBalance CLBD balance, CFONB record 07; {@code null} when absent or not read yet
 * @param line           the line where the statement starts in the file
 */
public record StatementHeader(
        StatementFormat format,
        String messageName,
        String messageId,
        String statementId,
        String accountIban,
        String accountId,
        String currency,
        OffsetDateTime creationTime,
        Balance openingBalance,
        Balance closingBalance,
        long line) {

    public StatementHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(messageName, "messageName");
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** This header with the closing balance read at the end of the statement. */
    public StatementHeader withClosingBalance(Balance closing) {
        return new StatementHeader(format, messageName, messageId, statementId, accountIban, accountId,
                currency, creationTime, openingBalance, closing, line);
    }
}
