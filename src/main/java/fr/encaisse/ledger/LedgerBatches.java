package fr.encaisse.ledger;

/**
 * Writes many ledger rows at once, for imports of whole books (a FEC of millions of lines).
 * Rows are checked by the same rules as the single commands of {@link Ledger}, inserted in
 * JDBC batches, and the batch as a whole gets one evidence entry (its counts and a SHA-256 of
 * every row written) and one {@link LedgerBatchApplied} event, instead of one of each per row.
 */
public interface LedgerBatches {

    /**
     * Opens a batch for the current tenant in the caller's transaction: its rows commit or roll
     * back with the caller's other work.
     *
     * @param source what the rows come from, as the evidence entry will name it (e.g. "fec")
     */
    LedgerBatch open(String source);
}
