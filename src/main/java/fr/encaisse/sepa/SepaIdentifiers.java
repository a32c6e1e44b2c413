package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.IdentifierRules;

/**
 * Checks of the identifiers a SEPA direct debit carries. Each {@code require…} method takes the
 * name of the field being checked (it appears in the {@link SepaValidationException}) and returns
 * the value in its canonical form (IBAN, BIC and creditor id: spaces removed, upper case).
 *
 * <ul>
 *   <li>IBAN: ISO 13616 structure and mod-97 check digits, plus national check digits where iban4j
 *       knows them (the French RIB key);</li>
 *   <li>BIC: ISO 9362, 8 or 11 characters;</li>
 *   <li>creditor identifier (French ICS): EPC262-08, {@code FR} + 2 check digits + 3-character
 *       business code + 6-character national id, check digits mod 97 over the national id,
 *       country code and "00" (business code excluded);</li>
 *   <li>mandate reference (UMR) and other references (message id, end-to-end id): at most 35
 *       characters of the SEPA Latin set, no leading or trailing space, no leading or trailing '/'
 *       and no "//".</li>
 * </ul>
 */
public final class SepaIdentifiers {

    private SepaIdentifiers() {
    }

    /** @return the IBAN without spaces, upper case */
    public static String requireIban(String field, String iban) {
        return IdentifierRules.iban(field, iban);
    }

    /** @return the BIC without spaces, upper case */
    public static String requireBic(String field, String bic) {
        return IdentifierRules.bic(field, bic);
    }

    /** @return {@code null} when {@code bic} is null or blank (the BIC is optional), else as {@link #requireBic} */
    public static String optionalBic(String field, String bic) {
        return bic == null || bic.isBlank() ? null : IdentifierRules.bic(field, bic);
    }

    /** @return the creditor identifier without spaces, upper case */
    public static String requireCreditorId(String field, String creditorId) {
        return IdentifierRules.creditorId(field, creditorId);
    }

    /** @return the mandate reference, unchanged (a UMR is compared as written) */
    public static String requireMandateReference(String field, String umr) {
        return IdentifierRules.reference(field, umr, "mandate reference (UMR)");
    }

    /** A message id, payment-information id or end-to-end id: the same rules as a UMR. */
    public static String requireReference(String field, String reference) {
        return IdentifierRules.reference(field, reference, "reference");
    }

    public static boolean isValidIban(String iban) {
        return isValid(() -> requireIban("iban", iban));
    }

    public static boolean isValidBic(String bic) {
        return isValid(() -> requireBic("bic", bic));
    }

    public static boolean isValidCreditorId(String creditorId) {
        return isValid(() -> requireCreditorId("creditorId", creditorId));
    }

    public static boolean isValidMandateReference(String umr) {
        return isValid(() -> requireMandateReference("mandateId", umr));
    }

    /**
     * The two check digits of a creditor identifier, e.g. {@code creditorIdCheckDigits("FR",
     * "123456")} is {@code "72"} (giving FR72ZZZ123456).
     */
    public static String creditorIdCheckDigits(String countryCode, String nationalId) {
        return IdentifierRules.creditorIdCheckDigits(countryCode.toUpperCase(), nationalId.toUpperCase());
    }

    private static boolean isValid(Runnable check) {
        try {
            check.run();
            return true;
        } catch (SepaValidationException e) {
            return false;
        }
    }
}
