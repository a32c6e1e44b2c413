package fr.encaisse.banking;

import fr.encaisse.ledger.Slice;
import java.util.UUID;

/**
 * Bank reconciliation for the current tenant: statements in, credits matched to invoices. Every
 * id of another tenant is reported as not found.
 */
public interface Reconciliation {

    /**
     * Reads a whole camt.053/camt.054/CFONB 120 file, then, in one transaction, stores the
     * statements and the lines not imported before (a line is known by its fingerprint), then
     * matches the new credits: above the tenant's threshold the payment is recorded and allocated
     * in the ledger, below it the line waits as a suggestion.
     *
     * @throws fr.encaisse.shared.InvalidInputException the file is not a valid statement (naming
     *                                                   the line and element); nothing is written
     */
    ImportResult importStatement(String fileName, byte[] content);

    Slice<BankStatement> statements(int limit, String after);

    BankStatement statement(UUID id);

    /** The lines of one statement in file order, optionally only those with {@code status}. */
    Slice<StatementLine> lines(UUID statementId, LineStatus status, int limit, String after);

    /** The lines of all statements with {@code status} (the work queue), oldest booking first. */
    Slice<StatementLine> lines(LineStatus status, int limit, String after);

    /** How many lines of all statements have {@code status}. */
    long countLines(LineStatus status);

    StatementLine line(UUID lineId);

    /** Applies the line's candidate number {@code candidate} (0 = the best) as a person's decision. */
    StatementLine confirm(UUID lineId, int candidate);

    /**
     * Matches a line by hand: to a debtor, spread over invoices as given (several invoices: a
     * split; less than the amount: the rest stays as a credit on the debtor's account). The
     * payer's account is linked to the debtor, so the next credit from it finds the debtor.
     */
    StatementLine match(UUID lineId, ManualMatch match);

    /** Turns a suggestion down: the line stays unmatched and is never applied automatically. */
    StatementLine reject(UUID lineId);

    /**
     * Undoes a line's match: every allocation of its payment is reversed in the ledger, the
     * payment deleted, the accounts learnt from it forgotten; the line is unmatched again and is
     * never applied automatically again.
     */
    StatementLine undo(UUID lineId);

    /**
     * Closes a reversing debit left {@code UNMATCHED} for a person, with the reason nothing more
     * is to be done here: {@code CLOSED}, journaled.
     *
     * @throws fr.encaisse.shared.ConflictException the line is not such a debit
     */
    StatementLine close(UUID lineId, String reason);

    /** Reopens a {@code CLOSED} line: {@code UNMATCHED} again, checked by the next {@link #rematch}. */
    StatementLine reopen(UUID lineId);

    /** Matches again the lines of a statement that are not matched (after the ledger changed). */
    MatchCounts rematch(UUID statementId);

    ReconciliationSettings settings();

    ReconciliationSettings updateSettings(ReconciliationSettings settings);
}
