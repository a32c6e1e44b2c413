package fr.encaisse.sepa.internal;

import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin, optionally indenting layer over a StAX writer: containers and text leaves only. */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final String[] INDENTS = new String[16];

    static {
        StringBuilder s = new StringBuilder("\n");
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = s.toString();
            s.append("  ");
        }
    }

    private final XMLStreamWriter w;
    private final boolean indent;
    private int depth;

    private Xml(XMLStreamWriter w, boolean indent) {
        this.w = w;
        this.indent = indent;
    }

    /** Starts a UTF-8 document whose root element {@code rootName} declares {@code namespace} as default. */
    static Xml document(OutputStream out, String namespace, String rootName, boolean indent)
            throws XMLStreamException {
        XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        if (indent) {
            w.writeCharacters("\n");
        }
        w.setDefaultNamespace(namespace);
        w.writeStartElement(namespace, rootName);
        w.writeDefaultNamespace(namespace);
        Xml xml = new Xml(w, indent);
        xml.depth = 1;
        return xml;
    }

    Xml start(String name) throws XMLStreamException {
        newline();
        w.writeStartElement(name);
        depth++;
        return this;
    }

    Xml end() throws XMLStreamException {
        depth--;
        newline();
        w.writeEndElement();
        return this;
    }

    Xml leaf(String name, String text) throws XMLStreamException {
        newline();
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
        return this;
    }

    /** Writes the leaf only when {@code text} is neither null nor empty. */
    Xml optionalLeaf(String name, String text) throws XMLStreamException {
        return text == null || text.isEmpty() ? this : leaf(name, text);
    }

    Xml leaf(String name, String attribute, String attributeValue, String text) throws XMLStreamException {
        newline();
        w.writeStartElement(name);
        w.writeAttribute(attribute, attributeValue);
        w.writeCharacters(text);
        w.writeEndElement();
        return this;
    }

    /** Closes the root element and the document, and flushes; the underlying stream stays open. */
    void finish() throws XMLStreamException {
        depth = 0;
        newline();
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
        w.close();
    }

    private void newline() throws XMLStreamException {
        if (indent) {
            w.writeCharacters(INDENTS[Math.min(depth, INDENTS.length - 1)]);
        }
    }
}
