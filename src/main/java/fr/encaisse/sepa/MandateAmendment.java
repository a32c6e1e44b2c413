package fr.encaisse.sepa;

/**
 * Changes to a mandate: a new debtor account ({@code iban}, {@code bic}), a new reference
 * ({@code umr}), a corrected debtor name or address. Null fields are left as they are; an empty
 * {@code bic} removes the BIC, and so does a new IBAN given without one. Once the mandate has been collected, a new IBAN or UMR is announced
 * by the next collection.
 */
public record MandateAmendment(String iban, String bic, String umr, String debtorName, String debtorStreet,
        String debtorPostCode, String debtorTown, String debtorCountry, String reason) {
}
