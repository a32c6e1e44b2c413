package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.SepaValidationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.iban4j.bban.BbanStructure;
import org.iban4j.bban.BbanStructureEntry;
import org.iban4j.countryrules.CountryRulesRegistry;

/**
 * Identifier checks behind {@link fr.encaisse.sepa.SepaIdentifiers}. IBAN and BIC are checked by
 * iban4j; the creditor identifier by hand, because iban4j 3.2.14 has no creditor-identifier
 * support (upstream issue arturmkrtchyan/iban4j#27 is still open).
 */
public final class IdentifierRules {

    /** EPC262-08: country, 2 check digits, 3-character business code, national identifier. */
    private static final Pattern CREDITOR_ID = Pattern.compile("([A-Z]{2})([0-9]{2})([A-Z0-9]{3})([A-Z0-9]{1,28})");

    private IdentifierRules() {
    }

    /** Removes spaces and upper-cases: IBANs and creditor ids are often typed in groups of 4. */
    public static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\u00a0' && c != '\t') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    public static String iban(String field, String value) {
        requirePresent(field, value, "an IBAN");
        String iban = compact(value);
        if (quickValid(iban)) {
            return iban;
        }
        try {
            IbanUtil.validateWithCountryRules(iban);
            return iban;
        } catch (InvalidCheckDigitException e) {
            throw new SepaValidationException(field, "is not a valid IBAN: its check digits are wrong (mod 97) ("
                    + maskIban(iban) + ")");
        } catch (UnsupportedCountryException e) {
            throw new SepaValidationException(field, "is not a valid IBAN: country '"
                    + iban.substring(0, Math.min(2, iban.length())) + "' does not issue IBANs");
        } catch (IbanFormatException e) {
            throw new SepaValidationException(field, "is not a valid IBAN: " + ibanReason(e, iban)
                    + " (" + maskIban(iban) + ")");
        }
    }

    /** Per country with an IBAN structure in iban4j: the character class ('n', 'a', 'c') of each BBAN position. */
    private static final Map<String, char[]> LAYOUTS = new HashMap<>();
    /** Countries with national check digits in iban4j (only the French RIB key is re-implemented here). */
    private static final Set<String> NATIONAL_RULES = new HashSet<>();
    /** French RIB letter values (A, J = 1; B, K, S = 2; …; I, R, Z = 9). */
    private static final int[] FR_LETTER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9};

    static {
        for (CountryCode country : BbanStructure.supportedCountries()) {
            BbanStructure structure = BbanStructure.forCountry(country);
            if (structure == null || !IbanUtil.isSupportedCountry(country)) {
                continue;
            }
            StringBuilder layout = new StringBuilder(structure.getBbanLength());
            for (BbanStructureEntry entry : structure.getEntries()) {
                layout.append(String.valueOf(entry.getCharacterType().name().charAt(0)).repeat(entry.getLength()));
            }
            if (layout.length() == structure.getBbanLength()) {
                LAYOUTS.put(country.getAlpha2(), layout.toString().toCharArray());
            }
            if (CountryRulesRegistry.get(country) != null) {
                NATIONAL_RULES.add(country.getAlpha2());
            }
        }
    }

    /**
     * The checks iban4j's {@code validateWithCountryRules} makes — country, length, the character
     * class of each BBAN position, mod 97, and for France the RIB key — without its object churn
     * (it dominated the cost of building a {@link fr.encaisse.sepa.Debit}, which a two-pass file
     * write does twice). Never more lenient: true only when every check passes with the strictest
     * reading (upper-case ASCII); everything else, other countries with national check digits, and
     * every failure, goes to iban4j, which also words the error. {@code IbanFastPathTest} checks the
     * two agree on valid and corrupted IBANs of every country.
     */
    static boolean quickValid(String iban) {
        int n = iban.length();
        if (n < 5) {
            return false;
        }
        String country = iban.substring(0, 2);
        char[] layout = LAYOUTS.get(country);
        boolean france = country.equals("FR");
        if (layout == null || n != 4 + layout.length || (!france && NATIONAL_RULES.contains(country))
                || !isDigit(iban.charAt(2)) || !isDigit(iban.charAt(3))) {
            return false;
        }
        for (int i = 0; i < layout.length; i++) {
            char c = iban.charAt(4 + i);
            boolean ok = switch (layout[i]) {
                case 'n' -> isDigit(c);
                case 'a' -> c >= 'A' && c <= 'Z';
                default -> isDigit(c) || (c >= 'A' && c <= 'Z');
            };
            if (!ok) {
                return false;
            }
        }
        int mod = 0;
        for (int i = 4; i < n; i++) {
            mod = mod97(mod, iban.charAt(i));
        }
        for (int i = 0; i < 4; i++) {
            mod = mod97(mod, iban.charAt(i));
        }
        return mod == 1 && (!france || frenchRibKeyValid(iban));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int mod97(int mod, char c) {
        return isDigit(c) ? (mod * 10 + (c - '0')) % 97 : (mod * 100 + (c - 'A' + 10)) % 97;
    }

    /** Bank (5), branch (5), account (11, letters by their RIB value), then the 2-digit key = 97 - (number * 100 mod 97). */
    private static boolean frenchRibKeyValid(String iban) {
        int mod = 0;
        for (int i = 4; i < 25; i++) {
            char c = iban.charAt(i);
            mod = (mod * 10 + (isDigit(c) ? c - '0' : FR_LETTER[c - 'A'])) % 97;
        }
        int key = 97 - (mod * 100) % 97;
        return key == (iban.charAt(25) - '0') * 10 + (iban.charAt(26) - '0');
    }

    private static String ibanReason(IbanFormatException e, String iban) {
        if (e.getFormatViolation() == null) {
            return "bad format";
        }
        return switch (e.getFormatViolation()) {
            case IBAN_VALID_CHARACTERS, BBAN_ONLY_DIGITS, BBAN_ONLY_UPPER_CASE_LETTERS, BBAN_ONLY_DIGITS_OR_LETTERS,
                    BBAN_INVALID_ENTRY_TYPE -> "it contains characters not allowed at their position";
            case CHECK_DIGIT_ONLY_DIGITS, CHECK_DIGIT_TWO_DIGITS -> "characters 3-4 must be two check digits";
            case COUNTRY_CODE_TWO_LETTERS, COUNTRY_CODE_UPPER_CASE_LETTERS, COUNTRY_CODE_EXISTS,
                    COUNTRY_CODE_NOT_NULL -> "it must start with an ISO country code";
            case BBAN_LENGTH -> "wrong length for country " + iban.substring(0, 2) + " (expected "
                    + (e.getExpected() instanceof Integer n ? n + 4 : e.getExpected()) + " characters, got "
                    + iban.length() + ")";
            case COUNTRY_RULES_FAILED -> "its national check digits are wrong (for France: the RIB key)";
            default -> "bad format";
        };
    }

    public static String bic(String field, String value) {
        requirePresent(field, value, "a BIC");
        String bic = compact(value);
        try {
            BicUtil.validate(bic);
            return bic;
        } catch (BicFormatException e) {
            String reason = e.getFormatViolation() == BicFormatException.BicFormatViolation.BIC_LENGTH_8_OR_11
                    ? "must have 8 or 11 characters"
                    : "must be 4 alphanumerics (institution), 2 letters (country), 2 alphanumerics (location)"
                            + " and optionally 3 alphanumerics (branch)";
            throw new SepaValidationException(field, "is not a valid BIC: " + reason + " ('" + bic + "')");
        } catch (UnsupportedCountryException e) {
            throw new SepaValidationException(field, "is not a valid BIC: unknown country code in '" + bic + "'");
        }
    }

    public static String creditorId(String field, String value) {
        requirePresent(field, value, "a SEPA creditor identifier");
        String id = compact(value);
        var m = CREDITOR_ID.matcher(id);
        if (id.length() > 35 || !m.matches()) {
            throw new SepaValidationException(field, "is not a valid SEPA creditor identifier: expected country code, "
                    + "2 check digits, 3-character business code and national identifier, e.g. FR72ZZZ123456 ('"
                    + id + "')");
        }
        if (m.group(1).equals("FR") && id.length() != 13) {
            throw new SepaValidationException(field, "is not a valid French creditor identifier (ICS): it must have "
                    + "13 characters, FR + 2 check digits + 3-character business code + 6-character national id ('"
                    + id + "')");
        }
        String expected = creditorIdCheckDigits(m.group(1), m.group(4));
        if (!expected.equals(m.group(2))) {
            throw new SepaValidationException(field, "is not a valid SEPA creditor identifier: check digits are "
                    + m.group(2) + ", expected " + expected + " ('" + id + "')");
        }
        return id;
    }

    /**
     * EPC262-08 check digits: ISO 7064 mod 97-10 over the national identifier followed by the
     * country code and "00" (the business code is not part of the check), letters as A=10..Z=35.
     */
    public static String creditorIdCheckDigits(String countryCode, String nationalId) {
        String payload = nationalId + countryCode + "00";
        int mod = 0;
        for (int i = 0; i < payload.length(); i++) {
            int v = Character.digit(payload.charAt(i), 36);
            if (v < 0) {
                throw new IllegalArgumentException("not alphanumeric: " + payload.charAt(i));
            }
            mod = v < 10 ? (mod * 10 + v) % 97 : (mod * 100 + v) % 97;
        }
        int check = 98 - mod;
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    /**
     * A mandate reference (UMR) or another SEPA identifier: 1 to 35 characters of the SEPA Latin
     * set, no leading or trailing space, not starting or ending with '/', no "//".
     */
    public static String reference(String field, String value, String what) {
        requirePresent(field, value, what);
        if (value.length() > 35) {
            throw new SepaValidationException(field, "is not a valid " + what + ": at most 35 characters, got "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (!SepaText.isSepaChar(value.charAt(i))) {
                throw new SepaValidationException(field, "is not a valid " + what + ": character '" + value.charAt(i)
                        + "' is outside the SEPA set A-Z a-z 0-9 / - ? : ( ) . , ' + space ('" + value + "')");
            }
        }
        if (value.startsWith(" ") || value.endsWith(" ")) {
            throw new SepaValidationException(field, "is not a valid " + what + ": leading or trailing space ('"
                    + value + "')");
        }
        if (value.startsWith("/") || value.endsWith("/") || value.contains("//")) {
            throw new SepaValidationException(field, "is not a valid " + what
                    + ": must not start or end with '/' nor contain '//' ('" + value + "')");
        }
        return value;
    }

    private static void requirePresent(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new SepaValidationException(field, "is missing: " + what + " is required");
        }
    }

    /** FR76…0189: enough to recognise an account in a log, not enough to use it. */
    public static String maskIban(String iban) {
        if (iban.length() <= 8) {
            return "…";
        }
        return iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4);
    }

    /**
     * The country and national bank code of an IBAN (e.g. FR30006), or the whole BBAN prefix when
     * iban4j knows no bank-code position for the country. Used to tell "new account in the same
     * bank" from "new bank" when a mandate's IBAN changes.
     */
    public static String bankOf(String iban) {
        try {
            String bankCode = IbanUtil.getBankCode(iban);
            if (bankCode != null && !bankCode.isEmpty()) {
                return iban.substring(0, 2) + bankCode;
            }
        } catch (RuntimeException e) {
            // fall through: no bank code structure known
        }
        return null;
    }
}
