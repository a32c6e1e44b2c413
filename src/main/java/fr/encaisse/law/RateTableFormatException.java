package fr.encaisse.law;

/**
 * A rate file could not be loaded: syntax error, duplicate or missing half-year, or a half-year
 * whose ECB rate contradicts the ECB history. The message names the line.
 */
public class RateTableFormatException extends RuntimeException {

    private final int line;

    public RateTableFormatException(int line, String message) {
        super(line > 0 ? "rate table line " + line + ": " + message : "rate table: " + message);
        this.line = line;
    }

    /** 1-based line number, or 0 when the problem concerns the table as a whole. */
    public int line() {
        return line;
    }
}
