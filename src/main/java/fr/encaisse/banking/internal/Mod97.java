package fr.encaisse.banking.internal;

/**
 * ISO 7064 MOD 97-10 remainder over digits and letters (A=10 … Z=35), as used by IBAN
 * (ISO 13616) and the RF creditor reference (ISO 11649) check digits.
 */
public final class Mod97 {

    private Mod97() {
    }

    /**
     * The remainder modulo 97 of the number formed by {@code text}, letters replaced by two
     * digits. Accepts only {@code 0-9} and {@code A-Z}.
     *
     * @throws IllegalArgumentException on any other character
     */
    public static int remainder(CharSequence text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                throw new IllegalArgumentException("not alphanumeric: '" + c + "'");
            }
        }
        return remainder;
    }

    /** The two check digits {@code 98 - (text mod 97)}, zero-padded. */
    public static String checkDigits(CharSequence text) {
        int check = 98 - remainder(text);
        return check < 10 ? "0" + check : Integer.toString(check);
    }
}
