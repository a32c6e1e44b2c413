package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatementFormatTest {

    @Test
    @DisplayName("detects camt.053, camt.054 and CFONB 120 from the first bytes")
    void detects() {
        assertThat(StatementFormat.detect(bytes(MalformedCamtTest.VALID))).contains(StatementFormat.CAMT053);
        assertThat(StatementFormat.detect(bytes("\uFEFF  <Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\">")))
                .contains(StatementFormat.CAMT054);
        assertThat(StatementFormat.detect(CfonbStatementTest.statement())).contains(StatementFormat.CFONB120);
    }

    @Test
    @DisplayName("other XML, text or nothing is not recognised")
    void doesNotGuess() {
        assertThat(StatementFormat.detect(bytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.08\">")))
                .isEmpty();
        assertThat(StatementFormat.detect(bytes("Date;Libelle;Montant"))).isEmpty();
        assertThat(StatementFormat.detect(new byte[0])).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
