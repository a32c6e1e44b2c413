package fr.encaisse.banking;

/**
 * A statement file that cannot be read as its format requires: bad XML, unknown message, a
 * missing or malformed element, a CFONB record of the wrong length or with an unknown code, a
 * bad amount or date, a statement whose balances do not add up.
 *
 * <p>Names where: the line (for a CFONB file without line breaks, the record number), the
 * column when known, and a path (the XML element path, e.g.
 * {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}, or the CFONB record and field).
 * Unchecked, so a transaction around an import rolls back by default.
 */
public class StatementFormatException extends RuntimeException {

    private final long line;
    private final int column;
    private final String path;
    private final String reason;

    public StatementFormatException(long line, int column, String path, String reason) {
        this(line, column, path, reason, null);
    }

    public StatementFormatException(long line, int column, String path, String reason, Throwable cause) {
        super(describe(line, column, path, reason), cause);
        this.line = line;
        this.column = column;
        this.path = path;
        this.reason = reason;
    }

    public StatementFormatException(long line, String path, String reason) {
        this(line, 0, path, reason, null);
    }

    /** 1-based line (or record number for a CFONB file without line breaks); 0 when unknown. */
    public long line() {
        return line;
    }

    /** 1-based column; 0 when unknown. */
    public int column() {
        return column;
    }

    /** The element path or CFONB record/field; {@code null} when the error is about the whole file. */
    public String path() {
        return path;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    private static String describe(long line, int column, String path, String reason) {
        StringBuilder text = new StringBuilder("line ").append(line);
        if (column > 0) {
            text.append(", column ").append(column);
        }
        if (path != null) {
            text.append(" (").append(path).append(')');
        }
        return text.append(": ").append(reason).toString();
    }
}
