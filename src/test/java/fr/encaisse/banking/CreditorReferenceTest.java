package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** ISO 11649 RF creditor references: generation and MOD 97-10 validation. */
class CreditorReferenceTest {

    @Test
    @DisplayName("RF18539007547034 is valid, in electronic or printed form, any case")
    void knownValidExample() {
        assertThat(CreditorReference.isValid("RF18539007547034")).isTrue();
        assertThat(CreditorReference.isValid("RF18 5390 0754 7034")).isTrue();
        assertThat(CreditorReference.isValid("rf18 5390 0754 7034")).isTrue();

        CreditorReference reference = CreditorReference.parse("rf18 5390 0754 7034");
        assertThat(reference.value()).isEqualTo("RF18539007547034");
        assertThat(reference.reference()).isEqualTo("539007547034");
        assertThat(reference.printed()).isEqualTo("RF18 5390 0754 7034");
        assertThat(reference).hasToString("RF18539007547034");
    }

    @Test
    @DisplayName("generating from 539007547034 gives check digits 18")
    void generatesKnownExample() {
        assertThat(CreditorReference.forInvoice("539007547034").value()).isEqualTo("RF18539007547034");
    }

    @Test
    @DisplayName("an invoice number keeps its letters and digits, in capitals")
    void generatesFromInvoiceNumber() {
        CreditorReference reference = CreditorReference.forInvoice("fa-2024/0012");
        assertThat(reference.reference()).isEqualTo("FA20240012");
        assertThat(reference.value()).isEqualTo("RF21FA20240012");
        assertThat(CreditorReference.isValid(reference.value())).isTrue();
    }

    @Test
    @DisplayName("wrong check digits, a typo, bad prefix, bad characters or length are invalid")
    void invalidReferences() {
        assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
        assertThat(CreditorReference.isValid("RF18539007547035")).isFalse();
        assertThat(CreditorReference.isValid("RF18539007574034")).as("transposition").isFalse();
        assertThat(CreditorReference.isValid("XX18539007547034")).isFalse();
        assertThat(CreditorReference.isValid("RF1A539007547034")).isFalse();
        assertThat(CreditorReference.isValid("RF18-5390-0754-7034")).isFalse();
        assertThat(CreditorReference.isValid("RF18")).isFalse();
        assertThat(CreditorReference.isValid("RF04" + "1".repeat(22))).as("22 characters after the check digits")
                .isFalse();
        assertThat(CreditorReference.isValid("")).isFalse();
        assertThat(CreditorReference.tryParse(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> CreditorReference.parse("RF19539007547034"))
                .withMessageContaining("wrong check digits");
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditorReference("rf18539007547034"));
    }

    @Test
    @DisplayName("an invoice number with no alphanumerics or more than 21 cannot become a reference")
    void invoiceNumberLimits() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditorReference.forInvoice("--/"));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditorReference.forInvoice("A".repeat(22)));
        assertThat(CreditorReference.forInvoice("A".repeat(21)).value()).hasSize(25);
        assertThat(CreditorReference.forInvoice("1").value()).hasSize(5);
    }

    @Property
    void everyGeneratedReferenceIsValid(@ForAll("invoiceNumbers") String invoiceNumber) {
        CreditorReference reference = CreditorReference.forInvoice(invoiceNumber);
        assertThat(reference.reference()).isEqualTo(invoiceNumber);
        assertThat(CreditorReference.isValid(reference.printed())).isTrue();
    }

    @Property
    void aChangedDigitOrLetterIsDetected(@ForAll("invoiceNumbers") String invoiceNumber,
                                         @ForAll @IntRange(min = 0, max = 100) int where,
                                         @ForAll @IntRange(min = 1, max = 25) int shift) {
        String value = CreditorReference.forInvoice(invoiceNumber).value();
        int index = 4 + where % (value.length() - 4);
        char original = value.charAt(index);
        char changed = Character.isDigit(original)
                ? (char) ('0' + (original - '0' + shift % 9 + 1) % 10)
                : (char) ('A' + (original - 'A' + shift) % 26);
        String typo = value.substring(0, index) + changed + value.substring(index + 1);
        assertThat(CreditorReference.isValid(typo)).as(typo).isFalse();
    }

    @Provide
    Arbitrary<String> invoiceNumbers() {
        return Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(21);
    }
}
