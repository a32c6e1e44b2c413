package fr.encaisse.sepa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.iban4j.IbanUtil;
import org.iban4j.bban.BbanStructure;
import org.iban4j.countryrules.CountryRulesRegistry;
import org.junit.jupiter.api.Test;

/**
 * The IBAN fast path never accepts what iban4j refuses, and does take the common case (France and
 * the countries without national check digits) off iban4j.
 */
class IbanFastPathTest {

    private static final long SEED = 0x1BA4L;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void accepts_only_what_iban4j_accepts_for_valid_and_corrupted_ibans_of_every_country() {
        Random random = new Random(SEED);
        int fast = 0;
        int checked = 0;
        for (CountryCode country : BbanStructure.supportedCountries()) {
            if (!IbanUtil.isSupportedCountry(country)) {
                continue;
            }
            boolean expectFast = country == CountryCode.FR || CountryRulesRegistry.get(country) == null;
            for (int k = 0; k < 200; k++) {
                String valid = Iban.random(random).toString();
                valid = country.getAlpha2().equals(valid.substring(0, 2)) ? valid : Iban.random(country).toString();
                String candidate = valid;
                if (k % 2 == 1) {
                    // One character changed, or two swapped, anywhere (country, check digits, BBAN).
                    char[] c = valid.toCharArray();
                    int i = random.nextInt(c.length);
                    if (k % 4 == 1) {
                        c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    } else {
                        int j = random.nextInt(c.length);
                        char t = c[i];
                        c[i] = c[j];
                        c[j] = t;
                    }
                    candidate = new String(c);
                }
                boolean iban4j = IbanUtil.isValidWithCountryRules(candidate);
                boolean quick = IdentifierRules.quickValid(candidate);
                assertThat(!quick || iban4j).as("%s accepted by the fast path but refused by iban4j", candidate).isTrue();
                if (candidate.equals(valid) && valid.startsWith(country.getAlpha2()) && iban4j && expectFast) {
                    assertThat(quick).as("%s should take the fast path", candidate).isTrue();
                    fast++;
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(fast).isGreaterThan(3_000);
    }

    @Test
    void french_rib_keys_with_letters_in_the_account_number() {
        // Letters in a French account number count by their RIB value (A, J = 1 … I, R, Z = 9).
        Random random = new Random(SEED + 1);
        for (int k = 0; k < 5_000; k++) {
            String iban = Iban.random(CountryCode.FR).toString();
            assertThat(IdentifierRules.quickValid(iban)).as(iban).isEqualTo(IbanUtil.isValidWithCountryRules(iban));
            char[] c = iban.toCharArray();
            int i = 4 + random.nextInt(23);
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            String typo = new String(c);
            assertThat(IdentifierRules.quickValid(typo)).as(typo).isEqualTo(IbanUtil.isValidWithCountryRules(typo));
        }
    }
}
