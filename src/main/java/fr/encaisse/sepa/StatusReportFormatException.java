package fr.encaisse.sepa;

/**
 * A payment status report that cannot be read: not XML, not a pain.002 of a supported version, or
 * missing what the reader needs. Names the line (0 when unknown) and what is wrong.
 */
public class StatusReportFormatException extends IllegalArgumentException {

    private final long line;

    public StatusReportFormatException(long line, String reason) {
        this(line, reason, null);
    }

    public StatusReportFormatException(long line, String reason, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + reason : reason, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
