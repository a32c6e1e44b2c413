package fr.encaisse.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.support.PdfA;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled templates, filled with example data, are archival PDFs: veraPDF (the reference
 * PDF/A validator, which Mustang's validator embeds) finds them compliant with PDF/A-3b.
 */
class PdfArchiveTest {

    static DocumentRenderer renderer;

    @BeforeAll
    static void setUp() {
        renderer = new DocumentRenderer(new TemplateStore(null), new PdfRenderer());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"formal-notice,fr", "reminder-1,en", "injonction-request,fr", "dossier-index,fr", "invoice,fr", "dunning-letter,fr",
            "dunning-letter,en"})
    void bundled_documents_are_pdf_a_3b(String name, String language) throws Exception {
        TemplateName template = TemplateName.of(name).orElseThrow();
        byte[] pdf = renderer.pdf(renderer.html(null, name, language, SampleModels.model(template.model(), language), Map.of()));
        assertThat(PdfA.violations(pdf)).isEmpty();
    }
}
