package fr.encaisse.sepa.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;

/**
 * A minimal, optionally indenting XML writer for the pain.008 files: containers, text leaves and
 * one attribute, UTF-8 straight into a 64 KB byte buffer. The files have no mixed content, no
 * prefixes and one default namespace, so a general StAX writer buys nothing here but cost: the
 * JDK's spent most of the writer's time escaping through a chain of writers and encoders. Text is
 * escaped ({@code & < >}, and {@code "} in attributes); a character XML 1.0 forbids becomes a space.
 * An I/O error surfaces as an {@link XMLStreamException} whose cause is the {@link IOException}.
 */
final class Xml {

    private static final byte[][] INDENTS = new byte[16][];

    static {
        StringBuilder s = new StringBuilder("\n");
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = s.toString().getBytes(StandardCharsets.US_ASCII);
            s.append("  ");
        }
    }

    private final OutputStream out;
    private final boolean indent;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private final String[] open = new String[64];
    private int depth;

    private Xml(OutputStream out, boolean indent) {
        this.out = out;
        this.indent = indent;
    }

    /** Starts a UTF-8 document whose root element {@code rootName} declares {@code namespace} as default. */
    static Xml document(OutputStream out, String namespace, String rootName, boolean indent) throws XMLStreamException {
        Xml xml = new Xml(out, indent);
        xml.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        if (indent) {
            xml.ascii("\n");
        }
        xml.ascii("<").ascii(rootName).ascii(" xmlns=\"");
        xml.escaped(namespace, true);
        xml.ascii("\">");
        xml.open[0] = rootName;
        xml.depth = 1;
        return xml;
    }

    Xml start(String name) throws XMLStreamException {
        newline();
        ascii("<").ascii(name).ascii(">");
        open[depth++] = name;
        return this;
    }

    Xml end() throws XMLStreamException {
        String name = open[--depth];
        newline();
        ascii("</").ascii(name).ascii(">");
        return this;
    }

    Xml leaf(String name, String text) throws XMLStreamException {
        newline();
        ascii("<").ascii(name).ascii(">");
        escaped(text, false);
        ascii("</").ascii(name).ascii(">");
        return this;
    }

    /** Writes the leaf only when {@code text} is neither null nor empty. */
    Xml optionalLeaf(String name, String text) throws XMLStreamException {
        return text == null || text.isEmpty() ? this : leaf(name, text);
    }

    Xml leaf(String name, String attribute, String attributeValue, String text) throws XMLStreamException {
        newline();
        ascii("<").ascii(name).ascii(" ").ascii(attribute).ascii("=\"");
        escaped(attributeValue, true);
        ascii("\">");
        escaped(text, false);
        ascii("</").ascii(name).ascii(">");
        return this;
    }

    /** Closes the root element and flushes; the underlying stream stays open. */
    void finish() throws XMLStreamException {
        String root = open[0];
        depth = 0;
        newline();
        ascii("</").ascii(root).ascii(">");
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    private void newline() throws XMLStreamException {
        if (indent) {
            byte[] b = INDENTS[Math.min(depth, INDENTS.length - 1)];
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }
    }

    /** Markup: element names and fixed strings, all ASCII. */
    private Xml ascii(String s) throws XMLStreamException {
        int n = s.length();
        room(n);
        s.getBytes(0, n, buf, pos);
        pos += n;
        return this;
    }

    private void escaped(String s, boolean attribute) throws XMLStreamException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '"' -> {
                        if (attribute) {
                            ascii("&quot;");
                        } else {
                            put('"');
                        }
                    }
                    default -> put(c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? c : ' ');
                }
            } else if (c < 0x800) {
                room(2);
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                room(4);
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                put(' ');
            } else {
                room(3);
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void put(char c) throws XMLStreamException {
        if (pos == buf.length) {
            room(1);
        }
        buf[pos++] = (byte) c;
    }

    private void room(int n) throws XMLStreamException {
        if (pos + n > buf.length) {
            try {
                drain();
            } catch (IOException e) {
                throw new XMLStreamException(e);
            }
            if (n > buf.length) {
                throw new XMLStreamException("markup longer than the buffer: " + n);
            }
        }
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }
}
