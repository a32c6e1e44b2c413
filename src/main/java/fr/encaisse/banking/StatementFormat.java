package fr.encaisse.banking;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bank statement formats {@link StatementParser} reads.
 */
public enum StatementFormat {
    /** ISO 20022 bank-to-customer statement, camt.053.001.02 or camt.053.001.08. */
    CAMT053,
    /** ISO 20022 debit/credit notification, camt.054.001.02 or camt.054.001.08. */
    CAMT054,
    /** CFONB "relevé de compte sur support informatique", 120-character records. */
    CFONB120;

    /**
     * Recognises a format from the first bytes of a file (a few kilobytes are enough): an XML
     * document naming a camt.053/camt.054 namespace, or text starting with a CFONB record code.
     * Empty when the prefix matches none of them, including XML of another message type (the
     * parser still reads such XML far enough to report its namespace).
     */
    public static Optional<StatementFormat> detect(byte[] head) {
        int start = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        while (start < head.length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (start >= head.length) {
            return Optional.empty();
        }
        if (head[start] == '<') {
            String text = new String(head, start, head.length - start, StandardCharsets.ISO_8859_1);
            if (text.contains("camt.053.001.")) {
                return Optional.of(CAMT053);
            }
            if (text.contains("camt.054.001.")) {
                return Optional.of(CAMT054);
            }
            return Optional.empty();
        }
        if (start + 1 < head.length && isDigit(head[start]) && isDigit(head[start + 1])) {
            return Optional.of(CFONB120);
        }
        return Optional.empty();
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
