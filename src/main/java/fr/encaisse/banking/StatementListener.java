package fr.encaisse.banking;

/**
 * Receives a statement file's content as it is read, in file order: for each statement,
 * {@link #statementStarted}, its entries, then {@link #statementEnded}.
 *
 * <p>Reading may still fail after some entries were delivered (a bad line further down, a
 * truncated file): {@link StatementParser} then throws {@link StatementFormatException}. An
 * importer must therefore treat what it received as provisional until the parse returns, e.g.
 * stage entries in the transaction that the exception rolls back, and write nothing durable
 * before that.
 */
public interface StatementListener {

    /** A statement begins; the header carries what precedes the entries. */
    default void statementStarted(StatementHeader header) {
    }

    /** One entry, complete with its transaction details. */
    void entry(StatementEntry entry);

    /**
     * The statement is over.
     *
     * @param header     the complete header, closing balance included
     * @param entryCount how many entries the statement had
     */
    default void statementEnded(StatementHeader header, int entryCount) {
    }
}
