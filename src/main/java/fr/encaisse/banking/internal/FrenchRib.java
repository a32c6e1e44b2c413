package fr.encaisse.banking.internal;

/**
 * A French RIB (bank 5 + branch 5 + account 11) as carried by CFONB 120 records, and the IBAN
 * it implies: the 2-digit RIB key is {@code 97 - ((89 × bank + 15 × branch + 3 × account) mod 97)}
 * with account letters mapped to digits (A,J→1 … I,R→9, S→2 … Z→9), and the IBAN is
 * {@code FR} + check digits + bank + branch + account + key (ISO 13616, 27 characters).
 */
final class FrenchRib {

    private FrenchRib() {
    }

    /**
     * The French IBAN for this RIB, or {@code null} when bank or branch are not numeric or the
     * account is not 11 alphanumerics.
     */
    static String iban(String bank, String branch, String account) {
        if (!bank.matches("\\d{5}") || !branch.matches("\\d{5}") || !account.matches("[0-9A-Z]{11}")) {
            return null;
        }
        long accountDigits = Long.parseLong(accountDigits(account));
        long sum = 89L * Long.parseLong(bank) + 15L * Long.parseLong(branch) + 3L * accountDigits;
        int key = 97 - (int) (sum % 97);
        String bban = bank + branch + account + (key < 10 ? "0" + key : Integer.toString(key));
        return "FR" + Mod97.checkDigits(bban + "FR00") + bban;
    }

    private static String accountDigits(String account) {
        StringBuilder digits = new StringBuilder(account.length());
        for (char c : account.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else {
                // A-I → 1-9, J-R → 1-9, S-Z → 2-9 (the RIB letter conversion table)
                int value = c <= 'I' ? c - 'A' + 1 : c <= 'R' ? c - 'J' + 1 : c - 'S' + 2;
                digits.append(value);
            }
        }
        return digits.toString();
    }
}
