package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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

    @Test
    @DisplayName("every reference generated from 1 to 21 letters or digits is valid and keeps them (seeded random + edge cases)")
    void everyGeneratedReferenceIsValid() {
        for (String invoiceNumber : invoiceNumbers()) {
            CreditorReference reference = CreditorReference.forInvoice(invoiceNumber);
            assertThat(reference.reference()).as(invoiceNumber).isEqualTo(invoiceNumber);
            assertThat(CreditorReference.isValid(reference.value())).as(reference.value()).isTrue();
            assertThat(CreditorReference.isValid(reference.printed())).as(reference.printed()).isTrue();
        }
    }

    @Test
    @DisplayName("changing any one letter or digit of the reference is detected (seeded random + edge cases)")
    void aChangedDigitOrLetterIsDetected() {
        Random random = new Random(SEED + 1);
        for (String invoiceNumber : invoiceNumbers()) {
            String value = CreditorReference.forInvoice(invoiceNumber).value();
            int index = 4 + random.nextInt(value.length() - 4);
            int shift = 1 + random.nextInt(25);
            char original = value.charAt(index);
            char changed = Character.isDigit(original)
                    ? (char) ('0' + (original - '0' + shift % 9 + 1) % 10)
                    : (char) ('A' + (original - 'A' + shift) % 26);
            String typo = value.substring(0, index) + changed + value.substring(index + 1);
            assertThat(CreditorReference.isValid(typo)).as("%s changed at %d into %s", value, index, typo).isFalse();
        }
    }

    @Test
    @DisplayName("every digit-for-digit or letter-for-letter change at every position of a few references is detected")
    void everySingleSubstitutionIsDetected() {
        for (String invoiceNumber : List.of("1", "FA20240012", "ZZZZZZZZZZZZZZZZZZZZZ", "000000000000000000000", "A9")) {
            String value = CreditorReference.forInvoice(invoiceNumber).value();
            for (int index = 4; index < value.length(); index++) {
                for (char c : ALPHABET.toCharArray()) {
                    // a letter counts as two digits in MOD 97-10: only same-kind substitutions are guaranteed caught
                    if (c != value.charAt(index) && Character.isDigit(c) == Character.isDigit(value.charAt(index))) {
                        String typo = value.substring(0, index) + c + value.substring(index + 1);
                        assertThat(CreditorReference.isValid(typo)).as(typo).isFalse();
                    }
                }
            }
        }
    }

    private static final long SEED = 20240012L;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** 1,000 seeded random strings of 1 to 21 capitals and digits, after the edge cases. */
    private static List<String> invoiceNumbers() {
        List<String> numbers = new ArrayList<>(List.of("0", "9", "A", "Z", "0".repeat(21), "Z".repeat(21),
                "9".repeat(21), "A".repeat(21), "RF", "RF18"));
        Random random = new Random(SEED);
        for (int i = 0; i < 1000; i++) {
            int length = 1 + random.nextInt(21);
            StringBuilder number = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            numbers.add(number.toString());
        }
        return numbers;
    }
}
