package fr.encaisse.ledger;

/**
 * SIREN (9 digits) and SIRET (14) are Luhn-checked; La Poste's establishments (SIREN
 * 356000000) use a digit-sum-divisible-by-5 rule instead. A French VAT number is FR + key + SIREN
 * with key = (12 + 3 × (SIREN mod 97)) mod 97. Used by the ledger to refuse a debtor with a wrong
 * identifier, and by e-invoice imports to turn one into a warning before it reaches the ledger.
 */
public final class FrenchIdentifiers {

    private static final String LA_POSTE = "356000000";

    private FrenchIdentifiers() {
    }

    public static boolean validSiren(String siren) {
        return siren != null && siren.matches("\\d{9}") && luhn(siren);
    }

    public static boolean validSiret(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (luhn(siret)) {
            return true;
        }
        return siret.startsWith(LA_POSTE) && siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }

    /** Checks a French VAT number's key; other EU numbers are only checked for shape. */
    public static boolean validVat(String vat) {
        if (vat == null || !vat.matches("[A-Z]{2}[0-9A-Z]{2,13}")) {
            return false;
        }
        if (!vat.startsWith("FR")) {
            return true;
        }
        if (!vat.matches("FR\\d{11}")) {
            return false;
        }
        long siren = Long.parseLong(vat.substring(4));
        return Integer.parseInt(vat.substring(2, 4)) == (12 + 3 * (siren % 97)) % 97;
    }

    /** The SIREN inside a French VAT number (FR + key + SIREN), or null. */
    public static String sirenOfVat(String vat) {
        return vat != null && vat.matches("FR\\d{11}") ? vat.substring(4) : null;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
