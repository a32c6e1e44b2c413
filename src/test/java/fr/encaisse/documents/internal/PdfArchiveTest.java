package fr.encaisse.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The bundled templates, filled with example data, are archival PDFs: veraPDF (the reference
 * PDF/A validator, which Mustang's validator embeds) finds them compliant with PDF/A-3b.
 */
class PdfArchiveTest {

    static DocumentRenderer renderer;

    @BeforeAll
    static void setUp() {
        VeraGreenfieldFoundryProvider.initialise();
        renderer = new DocumentRenderer(new TemplateStore(null), new PdfRenderer());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"formal-notice,fr", "reminder-1,en", "injonction-request,fr", "dossier-index,fr", "invoice,fr"})
    void bundled_documents_are_pdf_a_3b(String name, String language) throws Exception {
        TemplateName template = TemplateName.of(name).orElseThrow();
        byte[] pdf = renderer.pdf(renderer.html(null, name, language, SampleModels.model(template.model(), language), Map.of()));
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false);
            ValidationResult result = validator.validate(parser);
            assertThat(result.isCompliant()).as(() -> result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED).map(TestAssertion::getMessage).distinct()
                    .toList().toString()).isTrue();
        }
    }
}
