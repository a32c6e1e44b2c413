package fr.encaisse.documents.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import fr.encaisse.documents.DocumentRenderingException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XHTML + CSS to archival PDF with openhtmltopdf: PDF/A-3b (ISO 19005-3, so a Factur-X XML can be
 * attached to the same file), sRGB output intent, and only embedded fonts — the Liberation families,
 * registered also under the generic CSS names so that no non-embedded standard font can slip in.
 *
 * <p>The markup is parsed here with a hardened parser (no DOCTYPE, no entities) and no external
 * resource is ever fetched: only {@code data:} images (the tenant's logo) are allowed, so a template
 * cannot read files or reach the network.
 */
@Component
class PdfRenderer {

    private record Face(String file, int weight, FontStyle style) {
    }

    private record Family(String directory, String prefix, List<String> names) {
    }

    private static final List<Face> FACES = List.of(new Face("Regular", 400, FontStyle.NORMAL),
            new Face("Bold", 700, FontStyle.NORMAL), new Face("Italic", 400, FontStyle.ITALIC),
            new Face("BoldItalic", 700, FontStyle.ITALIC));
    private static final List<Family> FAMILIES = List.of(
            new Family("liberation", "LiberationSans", List.of("Liberation Sans", "sans-serif", "Arial", "Helvetica")),
            new Family("liberation", "LiberationSerif", List.of("Liberation Serif", "serif", "Times New Roman", "Times")),
            new Family("liberation", "LiberationMono", List.of("Liberation Mono", "monospace", "Courier New", "Courier")));

    static {
        // openhtmltopdf logs every font load and stylesheet parse at INFO; warnings are enough.
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(l -> com.openhtmltopdf.util.XRLog.setLevel(l, java.util.logging.Level.WARNING));
    }

    private final byte[][] fonts = new byte[FAMILIES.size() * FACES.size()][];
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    PdfRenderer() {
        int i = 0;
        for (Family family : FAMILIES) {
            for (Face face : FACES) {
                String resource = "/" + family.directory() + "/" + family.prefix() + "-" + face.file() + ".ttf";
                try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Font " + resource + " missing from the classpath (openpdf-fonts-extra)");
                    }
                    fonts[i++] = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Renders one XHTML document to a PDF/A-3b. */
    byte[] render(String xhtml) {
        Document dom = parse(xhtml);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            int i = 0;
            for (Family family : FAMILIES) {
                for (Face face : FACES) {
                    byte[] bytes = fonts[i++];
                    for (String name : family.names()) {
                        builder.useFont(() -> new ByteArrayInputStream(bytes), name, face.weight(), face.style(), true);
                    }
                }
            }
            builder.usePdfAConformance(PdfAConformance.PDFA_3_B);
            builder.useColorProfile(srgb);
            builder.withProducer("Encaisse");
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:image/"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:image/"),
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withW3cDocument(dom, "about:blank");
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            throw new DocumentRenderingException("The PDF could not be rendered: " + e.getMessage(), null, e);
        }
        return out.toByteArray();
    }

    static Document parse(String xhtml) {
        try {
            DocumentBuilder parser = SafeXml.documentBuilder(false);
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new DocumentRenderingException("The document is not well-formed XHTML at line " + e.getLineNumber()
                    + ": " + e.getMessage(), e.getLineNumber(), e);
        } catch (SAXException | IOException e) {
            throw new DocumentRenderingException("The document is not well-formed XHTML: " + e.getMessage(), null, e);
        }
    }
}
