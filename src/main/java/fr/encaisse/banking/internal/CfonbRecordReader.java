package fr.encaisse.banking.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

import fr.encaisse.banking.StatementFormatException;

/**
 * Splits CFONB 120 text into 120-character records, whether the file has line breaks (LF, CRLF
 * or CR) or none (records concatenated: split every 120 characters). Blank lines and a trailing
 * end-of-file mark (Ctrl-Z) are skipped; a line of any other length than 120 is an error.
 * Lines are counted from 1; in a file without line breaks, the count is the record number.
 */
final class CfonbRecordReader {

    static final int LENGTH = 120;
    private static final int CTRL_Z = 0x1A;
    private static final int NONE = -2;

    private final Reader in;
    private final char[] record = new char[LENGTH];
    private int lookahead = NONE;
    private long lineCounter;
    private long line;
    private Boolean lineBreaks;
    private boolean inRecord;

    CfonbRecordReader(Reader in) {
        this.in = in;
    }

    /** The line (or record number) of the record last returned. */
    long line() {
        return line;
    }

    /** The next record, exactly 120 characters, or {@code null} at the end of the file. */
    String next() throws IOException {
        while (true) {
            int c = read();
            if (c < 0 || c == CTRL_Z) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                skipLineFeedAfter(c);
                lineCounter++;
                continue;
            }
            line = ++lineCounter;
            inRecord = true;
            int length = 0;
            record[length++] = (char) c;
            while (length < LENGTH) {
                c = read();
                if (c < 0 || c == '\r' || c == '\n' || c == CTRL_Z) {
                    throw wrongLength(length, c);
                }
                record[length++] = (char) c;
            }
            inRecord = false;
            c = read();
            if (c == '\r' || c == '\n') {
                skipLineFeedAfter(c);
                if (lineBreaks == null) {
                    lineBreaks = Boolean.TRUE;
                }
            } else if (c >= 0 && c != CTRL_Z) {
                if (Boolean.TRUE.equals(lineBreaks)) {
                    throw new StatementFormatException(line, LENGTH + 1, null,
                            "line longer than " + LENGTH + " characters (a CFONB 120 record is fixed-width)");
                }
                lineBreaks = Boolean.FALSE;
                lookahead = c;
            } else {
                lookahead = c;
            }
            return new String(record);
        }
    }

    private StatementFormatException wrongLength(int length, int terminator) {
        String what = Boolean.FALSE.equals(lineBreaks) ? "record" : "line";
        String hint = terminator < 0 && Boolean.FALSE.equals(lineBreaks)
                ? " (the file has no line breaks and does not end on a record boundary)"
                : " (a CFONB 120 record is fixed-width; were trailing spaces stripped?)";
        return new StatementFormatException(line, length + 1, null,
                what + " has " + length + " characters, expected " + LENGTH + hint);
    }

    private void skipLineFeedAfter(int c) throws IOException {
        if (c == '\r') {
            int next = read();
            if (next != '\n') {
                lookahead = next;
            }
        }
    }

    private int read() throws IOException {
        if (lookahead != NONE) {
            int c = lookahead;
            lookahead = NONE;
            return c;
        }
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw new StatementFormatException(inRecord ? line : lineCounter + 1, 0, null,
                    "bytes that are not valid text in the file's character set (" + e.getMessage() + ")", e);
        }
    }
}
