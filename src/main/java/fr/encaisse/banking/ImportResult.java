package fr.encaisse.banking;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: per statement, whether it was new and how many of its lines were; in
 * total, the new lines and those already imported before; what matching made of the new
 * credits, and checking of the new reversing debits. Importing the same file again gives zero
 * new lines and changes nothing.
 */
public record ImportResult(
        List<Statement> statements,
        int newLines,
        int knownLines,
        int notApplicable,
        MatchCounts matching,
        ReversalCounts reversals) {

    public ImportResult {
        statements = List.copyOf(statements);
    }

    /** @param created false when the statement had been imported before */
    public record Statement(UUID id, String reference, String accountId, boolean created, int newLines, int knownLines) {
    }
}
