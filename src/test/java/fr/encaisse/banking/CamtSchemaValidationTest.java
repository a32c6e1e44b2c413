package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * The files our camt tests read are valid against the official ISO 20022 schemas in
 * {@code ../shared/standards/iso20022}: what the parser is shown to read is what banks must send.
 */
class CamtSchemaValidationTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("samples/camt/camt053.v2.minimal.xml", "camt.053.001.02.xsd"),
                Arguments.of("samples/camt/camt053.v8.xml", "camt.053.001.08.xsd"),
                Arguments.of("samples/camt/camt054.v2.xml", "camt.054.001.02.xsd"),
                Arguments.of("samples/camt/camt054.v8.xml", "camt.054.001.08.xsd"));
    }

    @ParameterizedTest(name = "{0} is valid against {1}")
    @MethodSource("samples")
    void publishedSampleIsSchemaValid(String sample, String schema) throws Exception {
        Path file = SharedFolder.file(sample);
        Validator validator = validator(schema);
        assertThatCode(() -> validator.validate(new StreamSource(file.toFile()))).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the generated camt.053.001.08 used by the streaming test is schema-valid")
    void generatedStatementIsSchemaValid() throws Exception {
        Validator validator = validator("camt.053.001.08.xsd");
        byte[] generated = new GeneratedCamt053(25).readAllBytes();
        assertThatCode(() -> validator.validate(new StreamSource(new ByteArrayInputStream(generated))))
                .doesNotThrowAnyException();
    }

    private static Validator validator(String schemaFile) throws SAXException, IOException {
        Path xsd = SharedFolder.file("standards/iso20022/" + schemaFile);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Schema schema = factory.newSchema(xsd.toFile());
        Validator validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return validator;
    }
}
