package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * Test support: the official ISO 20022 schemas, read from the shared folder beside the project
 * (system property {@code encaisse.shared.dir}, set by surefire; "../shared" otherwise), and
 * read-back of written files.
 */
final class Pain008Files {

    private static final Map<PainVersion, Schema> SCHEMAS = new EnumMap<>(PainVersion.class);

    private Pain008Files() {
    }

    static Path schemaFile(PainVersion version) {
        Path dir = Path.of(System.getProperty("encaisse.shared.dir", "../shared"), "standards", "iso20022");
        Path xsd = dir.resolve(version.messageName() + ".xsd");
        assumeTrue(Files.isRegularFile(xsd), () -> "Skipped: the official schema " + xsd.toAbsolutePath()
                + " is absent; point -Dencaisse.shared.dir at the folder holding standards/iso20022");
        return xsd;
    }

    static synchronized Schema schema(PainVersion version) throws Exception {
        Path xsd = schemaFile(version);
        Schema schema = SCHEMAS.get(version);
        if (schema == null) {
            schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
            SCHEMAS.put(version, schema);
        }
        return schema;
    }

    /** Validates (streaming, SAX) {@code xml} against the official schema of {@code version}. */
    static void assertSchemaValid(Path xml, PainVersion version) throws Exception {
        try {
            schema(version).newValidator().validate(new StreamSource(xml.toFile()));
        } catch (SAXParseException e) {
            fail(xml.getFileName() + " is not a valid " + version.messageName() + " (line " + e.getLineNumber()
                    + "): " + e.getMessage());
        }
    }

    static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        if (c.size() != 1) {
            fail("expected one " + localName + " under " + parent.getLocalName() + ", found " + c.size());
        }
        return c.get(0);
    }

    /** The element at a path of local names, e.g. {@code text(tx, "PmtId", "EndToEndId")}; null when absent. */
    static Element at(Element from, String... path) {
        Element e = from;
        for (String name : path) {
            List<Element> c = children(e, name);
            if (c.isEmpty()) {
                return null;
            }
            e = c.get(0);
        }
        return e;
    }

    static String text(Element from, String... path) {
        Element e = at(from, path);
        return e == null ? null : e.getTextContent();
    }

    /** Totals recomputed from the transactions by a StAX read, next to the totals the file declares. */
    record Totals(long declaredCount, BigDecimal declaredSum, long countedTxs, BigDecimal summedAmounts,
            int paymentInformations, List<String> blockMismatches) {
    }

    /** Streams the file with StAX: declared and recomputed totals, per block and overall. */
    static Totals readBack(Path xml) throws Exception {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        long declaredCount = -1;
        BigDecimal declaredSum = null;
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        int blocks = 0;
        List<String> mismatches = new ArrayList<>();
        long blockDeclaredCount = 0;
        BigDecimal blockDeclaredSum = null;
        long blockCount = 0;
        BigDecimal blockSum = BigDecimal.ZERO;
        String parent = null;
        String blockId = null;
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            List<String> stack = new ArrayList<>();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                    stack.add(name);
                    switch (name) {
                        case "PmtInf" -> {
                            blocks++;
                            blockCount = 0;
                            blockSum = BigDecimal.ZERO;
                        }
                        case "PmtInfId" -> blockId = r.getElementText();
                        case "NbOfTxs" -> {
                            long n = Long.parseLong(r.getElementText());
                            if ("GrpHdr".equals(parent)) {
                                declaredCount = n;
                            } else {
                                blockDeclaredCount = n;
                            }
                        }
                        case "CtrlSum" -> {
                            BigDecimal s = new BigDecimal(r.getElementText());
                            if ("GrpHdr".equals(parent)) {
                                declaredSum = s;
                            } else {
                                blockDeclaredSum = s;
                            }
                        }
                        case "InstdAmt" -> {
                            if (!"EUR".equals(r.getAttributeValue(null, "Ccy"))) {
                                mismatches.add("currency of a transaction in " + blockId);
                            }
                            BigDecimal a = new BigDecimal(r.getElementText());
                            count++;
                            sum = sum.add(a);
                            blockCount++;
                            blockSum = blockSum.add(a);
                        }
                        default -> {
                        }
                    }
                    if (r.getEventType() == XMLStreamConstants.END_ELEMENT) {
                        stack.remove(stack.size() - 1); // getElementText consumed the end tag
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = stack.remove(stack.size() - 1);
                    if (name.equals("PmtInf") && (blockCount != blockDeclaredCount
                            || blockDeclaredSum == null || blockSum.compareTo(blockDeclaredSum) != 0)) {
                        mismatches.add(blockId + ": declared " + blockDeclaredCount + "/" + blockDeclaredSum
                                + ", found " + blockCount + "/" + blockSum);
                    }
                }
            }
            r.close();
        }
        return new Totals(declaredCount, declaredSum, count, sum, blocks, mismatches);
    }
}
