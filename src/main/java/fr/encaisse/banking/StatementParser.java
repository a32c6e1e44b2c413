package fr.encaisse.banking;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import fr.encaisse.banking.internal.CamtStatementReader;
import fr.encaisse.banking.internal.CfonbStatementReader;

/**
 * Reads bank statement files, streaming: ISO 20022 camt.053.001.02/.08 and camt.054.001.02/.08
 * (StAX, never a DOM of the file) and CFONB 120. Entries reach the caller one at a time, so a
 * file of any size is read in memory bounded by its largest entry.
 *
 * <p>All or nothing is the caller's part: an error anywhere in the file throws
 * {@link StatementFormatException} after the entries before it were delivered, so import into a
 * staging area (or a transaction) and keep nothing until {@code parse} returns.
 *
 * <p>Immutable and thread-safe; no Spring, no I/O other than the given stream, which is read to
 * its end and left open.
 */
public final class StatementParser {

    private static final int SNIFF_BYTES = 8192;

    private final StatementFormat expected;
    private final Charset cfonbCharset;

    private StatementParser(StatementFormat expected, Charset cfonbCharset) {
        this.expected = expected;
        this.cfonbCharset = cfonbCharset;
    }

    /**
     * A parser that recognises the format from the file's first bytes, and reads CFONB 120 as
     * UTF-8 when its first non-ASCII bytes are valid UTF-8, as Windows-1252 otherwise.
     */
    public static StatementParser create() {
        return new StatementParser(null, null);
    }

    /** This parser, rejecting any file that is not of {@code format}. */
    public StatementParser expecting(StatementFormat format) {
        return new StatementParser(Objects.requireNonNull(format, "format"), cfonbCharset);
    }

    /** This parser, decoding CFONB 120 files with {@code charset} instead of choosing by content. */
    public StatementParser withCfonbCharset(Charset charset) {
        return new StatementParser(expected, Objects.requireNonNull(charset, "charset"));
    }

    /**
     * Reads a whole statement file, calling the listener for each statement start, entry and
     * statement end, in file order.
     *
     * @throws StatementFormatException the file is not a well-formed statement of a supported
     *                                  format; names the line and the element or record
     * @throws IOException              reading the stream failed
     */
    public void parse(InputStream in, StatementListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES * 2);
        byte[] head = peek(buffered);
        Kind kind = kind(head);
        switch (kind) {
            case XML -> {
                if (expected == StatementFormat.CFONB120) {
                    throw new StatementFormatException(1, null, "expected a CFONB 120 file, but this is XML");
                }
                new CamtStatementReader().read(buffered, expected, listener);
            }
            case CFONB -> {
                if (expected != null && expected != StatementFormat.CFONB120) {
                    throw new StatementFormatException(1, null,
                            "expected a " + expected + " file, but this looks like CFONB 120");
                }
                new CfonbStatementReader(cfonbCharset).read(buffered, listener);
            }
            case EMPTY -> throw new StatementFormatException(1, null, "empty file");
            default -> throw new StatementFormatException(1, 1, null,
                    "unrecognised statement format: neither ISO 20022 XML (camt.053/camt.054) nor CFONB 120");
        }
    }

    /**
     * Reads a whole statement file, passing each entry to {@code entries}.
     *
     * @return the headers of the statements read, complete (closing balances included), in file
     *         order
     * @throws StatementFormatException see {@link #parse(InputStream, StatementListener)}
     * @throws IOException              reading the stream failed
     */
    public List<StatementHeader> forEachEntry(InputStream in, Consumer<? super StatementEntry> entries)
            throws IOException {
        Objects.requireNonNull(entries, "entries");
        List<StatementHeader> headers = new ArrayList<>();
        parse(in, new StatementListener() {
            @Override
            public void entry(StatementEntry entry) {
                entries.accept(entry);
            }

            @Override
            public void statementEnded(StatementHeader header, int entryCount) {
                headers.add(header);
            }
        });
        return List.copyOf(headers);
    }

    private enum Kind { XML, CFONB, EMPTY, UNKNOWN }

    private static Kind kind(byte[] head) {
        int i = 0;
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return Kind.XML; // UTF-16 byte order mark: only XML is written so
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i == head.length) {
            return Kind.EMPTY;
        }
        if (head[i] == '<') {
            return Kind.XML;
        }
        return StatementFormat.detect(head).filter(f -> f == StatementFormat.CFONB120).isPresent()
                ? Kind.CFONB : Kind.UNKNOWN;
    }

    private static byte[] peek(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        try {
            byte[] head = new byte[SNIFF_BYTES];
            int length = 0;
            while (length < head.length) {
                int read = in.read(head, length, head.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            return length == head.length ? head : Arrays.copyOf(head, length);
        } finally {
            in.reset();
        }
    }
}
