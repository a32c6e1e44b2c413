package fr.encaisse.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads generated PDFs back the way a reader would: their text (PDFBox extraction), fonts, layout and metadata. */
final class Pdfs {

    private Pdfs() {
    }

    /**
     * The whole text as one line: no-break and narrow no-break spaces and line ends become plain spaces
     * and runs of blanks collapse, so that a phrase the layout wrapped is still found.
     */
    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // Reading order on the page: styled inline runs (bold, no-wrap amounts) are drawn after the plain text of their line.
            stripper.setSortByPosition(true);
            return normalise(stripper.getText(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the fonts used that are not embedded (PDF/A allows none). */
    static List<String> fontsNotEmbedded(byte[] pdf) {
        List<String> names = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                if (page.getResources() == null) {
                    continue;
                }
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        names.add(font.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The XMP metadata packet (PDF/A identification lives there). */
    static String xmp(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var metadata = doc.getDocumentCatalog().getMetadata();
            return metadata == null ? "" : new String(metadata.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a text first appears on page 1, in millimetres from the top-left corner of the sheet; null when absent. */
    static double[] positionOnFirstPage(byte[] pdf, String text) {
        double[][] found = new double[1][];
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    int at = normalise(s).indexOf(text);
                    if (found[0] == null && at >= 0 && at < positions.size()) {
                        TextPosition p = positions.get(at);
                        found[0] = new double[] {p.getXDirAdj() * 25.4 / 72, p.getYDirAdj() * 25.4 / 72};
                    }
                    super.writeString(s, positions);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found[0];
    }
}
