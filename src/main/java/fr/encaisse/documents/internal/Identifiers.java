package fr.encaisse.documents.internal;

import java.util.Locale;

/**
 * French company identifiers as read from e-invoices: SIREN (9 digits) and SIRET (14) with their
 * Luhn key (La Poste's establishments excepted), and the French VAT number's key
 * (12 + 3 × (SIREN mod 97)) mod 97. The ledger checks the same rules; they are checked here first
 * so that an invalid identifier in a file becomes a warning instead of failing the whole import.
 */
final class Identifiers {

    private static final String LA_POSTE = "356000000";

    private Identifiers() {
    }

    static String compact(String s) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        return c.isEmpty() ? null : c;
    }

    static boolean validSiren(String siren) {
        return siren != null && siren.matches("\\d{9}") && luhn(siren);
    }

    static boolean validSiret(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        return luhn(siret) || (siret.startsWith(LA_POSTE) && siret.chars().map(c -> c - '0').sum() % 5 == 0);
    }

    static boolean validVat(String vat) {
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
    static String sirenOfVat(String vat) {
        return vat != null && vat.matches("FR\\d{11}") ? vat.substring(4) : null;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
