package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.function.BiConsumer;

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

    /** Cases per property; each case has its own seed, drawn from {@link #SEED}, reported on failure. */
    private static final int CASES = 1000;
    private static final long SEED = 0x11649L;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void everyGeneratedReferenceIsValid() {
        forAll("everyGeneratedReferenceIsValid", (random, invoiceNumber) -> {
            CreditorReference reference = CreditorReference.forInvoice(invoiceNumber);
            assertThat(reference.reference()).isEqualTo(invoiceNumber);
            assertThat(CreditorReference.isValid(reference.printed())).isTrue();
        });
    }

    @Test
    void aChangedDigitOrLetterIsDetected() {
        forAll("aChangedDigitOrLetterIsDetected", (random, invoiceNumber) -> {
            int where = random.nextInt(101); // 0..100
            int shift = 1 + random.nextInt(25); // 1..25
            String value = CreditorReference.forInvoice(invoiceNumber).value();
            int index = 4 + where % (value.length() - 4);
            char original = value.charAt(index);
            char changed = Character.isDigit(original)
                    ? (char) ('0' + (original - '0' + shift % 9 + 1) % 10)
                    : (char) ('A' + (original - 'A' + shift) % 26);
            String typo = value.substring(0, index) + changed + value.substring(index + 1);
            assertThat(CreditorReference.isValid(typo)).as("where %d, shift %d: %s", where, shift, typo).isFalse();
        });
    }

    /**
     * Runs {@code check} on {@value #CASES} invoice numbers ([0-9A-Z], 1 to 21 characters), each case
     * from its own seed; a failure names the case, its seed and the invoice number.
     */
    private static void forAll(String property, BiConsumer<Random, String> check) {
        Random seeds = new Random(SEED ^ property.hashCode());
        for (int i = 0; i < CASES; i++) {
            long caseSeed = seeds.nextLong();
            Random random = new Random(caseSeed);
            String invoiceNumber = invoiceNumber(random);
            try {
                check.accept(random, invoiceNumber);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(property + " failed on case " + (i + 1) + " of " + CASES + " (seed " + SEED
                        + ", case seed " + caseSeed + "), invoice number " + invoiceNumber + ": " + e.getMessage(), e);
            }
        }
    }

    /** Mostly uniform; now and then the shortest or longest length, or a single repeated character. */
    private static String invoiceNumber(Random random) {
        int kind = random.nextInt(10);
        int length = kind == 0 ? (random.nextBoolean() ? 1 : 21) : 1 + random.nextInt(21);
        if (kind == 1) {
            return String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))).repeat(length);
        }
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
