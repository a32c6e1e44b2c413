package fr.encaisse.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchIdentifiersTest {

    @Test
    void siren_and_siret_carry_a_luhn_key() {
        assertThat(FrenchIdentifiers.validSiren("404833048")).isTrue();
        assertThat(FrenchIdentifiers.validSiren("404833049")).isFalse();
        assertThat(FrenchIdentifiers.validSiren("40483304")).isFalse();
        assertThat(FrenchIdentifiers.validSiret("40483304800006")).isTrue();
        assertThat(FrenchIdentifiers.validSiret("40483304800007")).isFalse();
    }

    @Test
    void la_poste_establishments_pass_on_the_digit_sum_rule() {
        // The head office passes Luhn; 35600000049837 fails Luhn but its digit sum, 45, divides by 5.
        assertThat(FrenchIdentifiers.validSiret("35600000000048")).isTrue();
        assertThat(FrenchIdentifiers.validSiret("35600000049837")).isTrue();
        assertThat(FrenchIdentifiers.validSiret("35600000049838")).isFalse();
    }

    @Test
    void a_french_vat_number_is_FR_key_siren() {
        assertThat(FrenchIdentifiers.validVat("FR83404833048")).isTrue();
        assertThat(FrenchIdentifiers.validVat("FR84404833048")).isFalse();
        assertThat(FrenchIdentifiers.validVat("DE123456789")).isTrue();
        assertThat(FrenchIdentifiers.validVat("fr83404833048")).isFalse();
    }
}
