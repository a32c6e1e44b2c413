package fr.encaisse.banking.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text file whose charset is either UTF-8 or Windows-1252 without reading it twice:
 * ASCII bytes mean the same in both, so the choice is made at the first non-ASCII byte: a valid
 * UTF-8 multi-byte sequence selects UTF-8, anything else Windows-1252 (a Windows-1252 accented
 * letter followed by a plain letter is never valid UTF-8). A UTF-8 byte order mark selects UTF-8.
 * Decoding errors are reported, never replaced silently.
 */
final class CharsetSniffingReader extends Reader {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final BufferedInputStream in;
    private Reader decided;
    private Charset charset;

    CharsetSniffingReader(InputStream in) throws IOException {
        this.in = in instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(in);
        this.in.mark(3);
        if (this.in.read() == 0xEF && this.in.read() == 0xBB && this.in.read() == 0xBF) {
            decide(StandardCharsets.UTF_8);
        } else {
            this.in.reset();
        }
    }

    /** The charset chosen so far: {@code null} while only ASCII was read. */
    Charset charset() {
        return charset;
    }

    /** A strict decoder over {@code in}, the BOM already skipped if the caller wants it. */
    static Reader strict(InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (decided != null) {
            return decided.read(buffer, offset, length);
        }
        if (length == 0) {
            return 0;
        }
        int count = 0;
        while (count < length) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                return count == 0 ? -1 : count;
            }
            if (b >= 0x80) {
                in.reset();
                decide(nextIsUtf8Sequence() ? StandardCharsets.UTF_8 : WINDOWS_1252);
                return count > 0 ? count : decided.read(buffer, offset, length);
            }
            buffer[offset + count++] = (char) b;
        }
        return count;
    }

    private void decide(Charset chosen) {
        charset = chosen;
        decided = strict(in, chosen);
    }

    private boolean nextIsUtf8Sequence() throws IOException {
        in.mark(4);
        try {
            int lead = in.read();
            int continuations;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
            } else {
                return false;
            }
            for (int i = 0; i < continuations; i++) {
                int b = in.read();
                if (b < 0x80 || b > 0xBF) {
                    return false;
                }
            }
            return true;
        } finally {
            in.reset();
        }
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
