package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tolerant extraction of RF references and invoice-number candidates from free remittance text. */
class RemittanceTextTest {

    @Test
    @DisplayName("finds a printed RF reference and stops before the next word")
    void printedReference() {
        String text = "VIR FACTURE FA-2024-0012 REF RF18 5390 0754 7034 MERCI";
        assertThat(RemittanceText.creditorReferences(text)).extracting(CreditorReference::value)
                .containsExactly("RF18539007547034");
        assertThat(RemittanceText.invoiceNumberCandidates(text)).containsExactly("FA-2024-0012");
    }

    @Test
    @DisplayName("finds electronic and lower-case references, ignores invalid ones and duplicates")
    void electronicReferences() {
        String text = "rf18539007547034/RF18539007547034 RF19539007547034 " + CreditorReference.forInvoice("F88");
        assertThat(RemittanceText.creditorReferences(text)).extracting(CreditorReference::value)
                .containsExactly("RF18539007547034", CreditorReference.forInvoice("F88").value());
    }

    @Test
    @DisplayName("candidates: tokens with a digit, no dates, no short numbers, in capitals, once each")
    void invoiceNumberCandidates() {
        String text = "Reglement fact. n°2024-117 et inv_88.3 du 15/02/2024, 2024-02-15; voir 2024-117 AB 12";
        assertThat(RemittanceText.invoiceNumberCandidates(text)).containsExactly("2024-117", "INV_88.3");
    }

    @Test
    @DisplayName("nothing to find in empty or plain text")
    void nothing() {
        assertThat(RemittanceText.creditorReferences("")).isEmpty();
        assertThat(RemittanceText.invoiceNumberCandidates("MERCI BEAUCOUP")).isEmpty();
    }
}
