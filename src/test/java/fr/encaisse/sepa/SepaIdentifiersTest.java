package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SepaIdentifiersTest {

    @Nested
    class Iban {

        @Test
        void a_valid_french_iban_is_accepted_and_returned_compact_and_upper_case() {
            assertThat(SepaIdentifiers.requireIban("debtorIban", "FR7630006000011234567890189"))
                    .isEqualTo("FR7630006000011234567890189");
            assertThat(SepaIdentifiers.requireIban("debtorIban", "fr76 3000 6000 0112 3456 7890 189"))
                    .isEqualTo("FR7630006000011234567890189");
        }

        @Test
        void wrong_check_digits_are_rejected_naming_the_field_without_echoing_the_iban() {
            assertThatThrownBy(() -> SepaIdentifiers.requireIban("debtorIban", "FR7630006000011234567890188"))
                    .isInstanceOfSatisfying(SepaValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("debtorIban");
                        assertThat(e.getMessage()).startsWith("debtorIban is not a valid IBAN")
                                .contains("FR76…0188")
                                .doesNotContain("FR7630006000011234567890188");
                    });
        }

        @Test
        void a_wrong_french_rib_key_is_rejected_even_when_mod_97_holds() {
            // FR54 30006 00001 12345678901 00: IBAN check digits recomputed, RIB key 00 is wrong
            assertThatThrownBy(() -> SepaIdentifiers.requireIban("creditorIban", "FR5430006000011234567890100"))
                    .isInstanceOf(SepaValidationException.class)
                    .hasMessageContaining("creditorIban")
                    .hasMessageContaining("RIB key");
        }

        @ParameterizedTest
        @ValueSource(strings = {"FR76300060000112345678901", "XX7630006000011234567890189", "FR76300060000112345678901@9",
                "   "})
        void malformed_ibans_are_rejected_naming_the_field(String iban) {
            assertThatThrownBy(() -> SepaIdentifiers.requireIban("debtorIban", iban))
                    .isInstanceOfSatisfying(SepaValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("debtorIban"))
                    .hasMessageStartingWith("debtorIban ");
        }

        @Test
        void a_missing_iban_is_rejected() {
            assertThatThrownBy(() -> SepaIdentifiers.requireIban("debtorIban", null))
                    .hasMessage("debtorIban is missing: an IBAN is required");
        }

        @Test
        void iban_of_another_sepa_country_is_accepted() {
            assertThat(SepaIdentifiers.isValidIban("DE89370400440532013000")).isTrue();
        }
    }

    @Nested
    class Bic {

        @ParameterizedTest
        @ValueSource(strings = {"BNPAFRPP", "BNPAFRPPXXX", "AGRIFRPP882", "bnpafrpp"})
        void valid_bics_are_accepted(String bic) {
            assertThat(SepaIdentifiers.requireBic("debtorBic", bic)).isEqualTo(bic.toUpperCase());
        }

        @ParameterizedTest
        @ValueSource(strings = {"BNPAFRP", "BNPAFRPPXX", "BNPA1RPP", "BNPA-RPP"})
        void invalid_bics_are_rejected_naming_the_field(String bic) {
            assertThatThrownBy(() -> SepaIdentifiers.requireBic("debtorBic", bic))
                    .isInstanceOfSatisfying(SepaValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("debtorBic"))
                    .hasMessageStartingWith("debtorBic is not a valid BIC");
        }

        @Test
        void an_absent_bic_is_allowed_where_optional() {
            assertThat(SepaIdentifiers.optionalBic("debtorBic", " ")).isNull();
        }
    }

    @Nested
    class CreditorIdentifier {

        @Test
        void the_known_valid_ics_is_accepted() {
            assertThat(SepaIdentifiers.requireCreditorId("creditorSchemeId", "FR72ZZZ123456")).isEqualTo("FR72ZZZ123456");
            assertThat(SepaIdentifiers.creditorIdCheckDigits("FR", "123456")).isEqualTo("72");
        }

        @Test
        void the_business_code_is_not_part_of_the_check() {
            assertThat(SepaIdentifiers.isValidCreditorId("FR72ABC123456")).isTrue();
        }

        @Test
        void other_countries_follow_the_same_rule() {
            // German Gläubiger-ID published as the example of the Bundesbank
            assertThat(SepaIdentifiers.isValidCreditorId("DE98ZZZ09999999999")).isTrue();
        }

        @Test
        void wrong_check_digits_are_rejected_with_the_expected_ones() {
            assertThatThrownBy(() -> SepaIdentifiers.requireCreditorId("creditorSchemeId", "FR73ZZZ123456"))
                    .isInstanceOfSatisfying(SepaValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("creditorSchemeId"))
                    .hasMessageContaining("creditorSchemeId")
                    .hasMessageContaining("check digits are 73, expected 72");
        }

        @ParameterizedTest
        @ValueSource(strings = {"FR72ZZZ12345", "FR72ZZZ1234567", "FRXXZZZ123456", "72ZZZ123456", "FR72ZZ#123456"})
        void malformed_ics_are_rejected_naming_the_field(String ics) {
            assertThatThrownBy(() -> SepaIdentifiers.requireCreditorId("creditorSchemeId", ics))
                    .isInstanceOf(SepaValidationException.class)
                    .hasMessageStartingWith("creditorSchemeId is not a valid");
        }

        @Test
        void computed_check_digits_always_validate() {
            Random random = new Random(20250428);
            String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (int n = 0; n < 5_000; n++) {
                String nationalId = RandomText.from(random, alphabet, 6);
                String ics = "FR" + SepaIdentifiers.creditorIdCheckDigits("FR", nationalId)
                        + RandomText.from(random, alphabet, 3) + nationalId;
                assertThat(SepaIdentifiers.isValidCreditorId(ics)).as(ics).isTrue();
            }
        }

        @Test
        void any_single_digit_typo_in_a_numeric_national_id_is_caught() {
            Random random = new Random(97);
            for (int n = 0; n < 5_000; n++) {
                String nationalId = RandomText.from(random, "0123456789", 6);
                String ics = "FR" + SepaIdentifiers.creditorIdCheckDigits("FR", nationalId) + "ZZZ" + nationalId;
                int at = 7 + random.nextInt(6);
                char typo = (char) ('0' + (ics.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
                String wrong = ics.substring(0, at) + typo + ics.substring(at + 1);
                assertThat(SepaIdentifiers.isValidCreditorId(wrong)).as(wrong).isFalse();
            }
        }
    }

    @Nested
    class MandateReference {

        @ParameterizedTest
        @ValueSource(strings = {"ENC-000001", "RUM 2025/01", "a-z?:().,'+", "X"})
        void umrs_within_the_sepa_set_are_accepted(String umr) {
            assertThat(SepaIdentifiers.requireMandateReference("mandateId", umr)).isEqualTo(umr);
        }

        @Test
        void more_than_35_characters_are_rejected() {
            assertThatThrownBy(() -> SepaIdentifiers.requireMandateReference("mandateId", "A".repeat(36)))
                    .hasMessage("mandateId is not a valid mandate reference (UMR): at most 35 characters, got 36");
        }

        @ParameterizedTest
        @ValueSource(strings = {"UMR#1", "UMR_1", "RUM-é", " UMR1", "UMR1 ", "/UMR1", "UMR1/", "UM//R1"})
        void characters_outside_the_sepa_set_and_bad_edges_are_rejected(String umr) {
            assertThatThrownBy(() -> SepaIdentifiers.requireMandateReference("mandateId", umr))
                    .isInstanceOfSatisfying(SepaValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("mandateId"))
                    .hasMessageStartingWith("mandateId is not a valid mandate reference (UMR)");
        }

        @Test
        void the_tenant_pattern_builds_prefix_debtor_and_sequence() {
            MandateReferencePattern pattern = MandateReferencePattern.withPrefix("ENC");
            assertThat(pattern.format("cli-Élodie_42", 42)).isEqualTo("ENC-CLIELODIE42-000042");
            assertThat(pattern.format(null, 7)).isEqualTo("ENC-000007");
        }

        @Test
        void the_tenant_pattern_cuts_the_debtor_reference_never_the_sequence() {
            String umr = MandateReferencePattern.withPrefix("ENCAISSE").format("X".repeat(50), 123456789);
            assertThat(umr).hasSize(35).startsWith("ENCAISSE-XXX").endsWith("-123456789");
            assertThat(SepaIdentifiers.isValidMandateReference(umr)).isTrue();
        }

        @Test
        void generated_umrs_are_always_valid_whatever_the_debtor_reference() {
            Random random = new Random(42);
            MandateReferencePattern pattern = new MandateReferencePattern("T01", 8);
            for (int n = 0; n < 5_000; n++) {
                String debtorReference = RandomText.any(random, 60);
                long sequence = (long) (random.nextDouble() * 999_999_999_999L);
                String umr = pattern.format(debtorReference, sequence);
                assertThat(SepaIdentifiers.isValidMandateReference(umr)).as(umr).isTrue();
            }
        }
    }

    @Nested
    class DebitValidation {

        @Test
        void a_bad_debtor_iban_names_the_debit_and_the_field() {
            assertThatThrownBy(() -> SepaFixtures.debit("E2E-1", "10.00", LocalDate.of(2025, 5, 2))
                    .debtorIban("FR7630006000011234567890188").build())
                    .isInstanceOfSatisfying(SepaValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("debtorIban"))
                    .hasMessageStartingWith("debit E2E-1: debtorIban is not a valid IBAN");
        }

        @Test
        void amounts_with_more_than_two_decimals_or_not_positive_are_rejected() {
            assertThatThrownBy(() -> SepaFixtures.debit("E2E-2", "10.005", LocalDate.of(2025, 5, 2)).build())
                    .hasMessageContaining("amount has more than 2 decimals");
            assertThatThrownBy(() -> SepaFixtures.debit("E2E-3", "0", LocalDate.of(2025, 5, 2)).build())
                    .hasMessageContaining("amount must be between 0.01");
            assertThat(SepaFixtures.debit("E2E-4", "10.500", LocalDate.of(2025, 5, 2)).build().amount())
                    .hasToString("10.50");
        }

        @Test
        void a_bad_creditor_identifier_is_named() {
            assertThatThrownBy(() -> new Creditor("X", SepaFixtures.CREDITOR_IBAN, null, "FR00ZZZ123456"))
                    .isInstanceOfSatisfying(SepaValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("creditorSchemeId"));
        }
    }
}
