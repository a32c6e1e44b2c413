package fr.encaisse.sepa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The hand-written XML writer produces well-formed UTF-8 that parses back to what was written. */
class XmlTest {

    @Test
    void text_and_attributes_are_escaped_and_encoded_and_forbidden_characters_become_spaces() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xml xml = Xml.document(out, "urn:test", "Document", true);
        xml.start("A").leaf("T", "R&D <Sàrl> \"Œuvre\" 😀 ok\u0001").leaf("Amt", "Ccy", "E\"U&R", "1.00").end();
        xml.start("B").start("C").optionalLeaf("Empty", "").optionalLeaf("Null", null).end().end();
        xml.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:test\">\n  <A>\n    <T>")
                .contains("R&amp;D &lt;Sàrl&gt; \"Œuvre\"").contains("Ccy=\"E&quot;U&amp;R\"").endsWith("</Document>");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("urn:test");
        assertThat(root.getElementsByTagName("T").item(0).getTextContent()).isEqualTo("R&D <Sàrl> \"Œuvre\" 😀 ok ");
        assertThat(((Element) root.getElementsByTagName("Amt").item(0)).getAttribute("Ccy")).isEqualTo("E\"U&R");
        assertThat(root.getElementsByTagName("C").item(0).getChildNodes().getLength()).isEqualTo(1); // the indentation only
    }

    @Test
    void a_file_larger_than_the_buffer_is_written_whole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xml xml = Xml.document(out, "urn:test", "Document", false);
        String long70 = "x".repeat(70);
        for (int i = 0; i < 5_000; i++) {
            xml.leaf("Nm", long70 + i);
        }
        xml.finish();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(doc.getDocumentElement().getElementsByTagName("Nm").getLength()).isEqualTo(5_000);
        assertThat(doc.getDocumentElement().getElementsByTagName("Nm").item(4_999).getTextContent()).isEqualTo(long70 + 4_999);
    }
}
