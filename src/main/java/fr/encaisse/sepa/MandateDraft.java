package fr.encaisse.sepa;

import java.util.UUID;

/**
 * A new mandate. {@code umr} null: generated from the tenant's prefix and counter. Debtor name and
 * address default to the debtor's in the ledger. {@code type} defaults to recurrent and
 * {@code scheme} to CORE.
 */
public record MandateDraft(UUID debtorId, Scheme scheme, MandateType type, String umr, String iban, String bic,
        String debtorName, String debtorStreet, String debtorPostCode, String debtorTown, String debtorCountry) {
}
