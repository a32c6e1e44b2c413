package fr.encaisse.banking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.iban4j.IbanUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrenchRibTest {

    @Test
    @DisplayName("the IBAN of a RIB: key and check digits (FR7630006000011234567890189)")
    void knownIban() {
        assertThat(FrenchRib.iban("30006", "00001", "12345678901")).isEqualTo("FR7630006000011234567890189");
    }

    @Test
    @DisplayName("derived IBANs pass iban4j's validation, letters in the account included")
    void validAccordingToIban4j() {
        for (String account : new String[] {"00012345678", "00098765432", "0001234567A", "ABCDEFGHIJK", "STUVWXYZ123"}) {
            String iban = FrenchRib.iban("30004", "00550", account);
            IbanUtil.validate(iban);
            assertThat(iban).hasSize(27).startsWith("FR").contains("3000400550" + account);
        }
    }

    @Test
    @DisplayName("no IBAN for a malformed RIB")
    void malformed() {
        assertThat(FrenchRib.iban("3000A", "00550", "00012345678")).isNull();
        assertThat(FrenchRib.iban("30004", "00550", "0001234567")).isNull();
        assertThat(FrenchRib.iban("30004", "00550", "0001234567 ")).isNull();
    }
}
