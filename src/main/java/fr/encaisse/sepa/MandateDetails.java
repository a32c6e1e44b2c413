package fr.encaisse.sepa;

import java.util.Objects;

/**
 * The mandate data a collection carries and whose change must be announced to the debtor's bank:
 * mandate reference (AT-01), creditor identifier (AT-02), creditor name (AT-03), debtor IBAN
 * (AT-07) and, optionally, the debtor's BIC (AT-13). Values are checked and canonicalised.
 */
public record MandateDetails(String mandateId, String creditorSchemeId, String creditorName, String debtorIban,
        String debtorBic) {

    public MandateDetails {
        mandateId = SepaIdentifiers.requireMandateReference("mandateId", mandateId);
        creditorSchemeId = SepaIdentifiers.requireCreditorId("creditorSchemeId", creditorSchemeId);
        if (creditorName == null || creditorName.isBlank()) {
            throw new SepaValidationException("creditorName", "is missing");
        }
        debtorIban = SepaIdentifiers.requireIban("debtorIban", debtorIban);
        debtorBic = SepaIdentifiers.optionalBic("debtorBic", debtorBic);
    }

    public MandateDetails withDebtorAccount(String iban, String bic) {
        return new MandateDetails(mandateId, creditorSchemeId, creditorName, iban, bic);
    }

    public MandateDetails withMandateId(String newMandateId) {
        return new MandateDetails(newMandateId, creditorSchemeId, creditorName, debtorIban, debtorBic);
    }

    public MandateDetails withCreditor(String schemeId, String name) {
        return new MandateDetails(mandateId, schemeId, name, debtorIban, debtorBic);
    }

    /** Whether the creditor name differs, ignoring case and surrounding spaces. */
    boolean sameCreditorName(MandateDetails other) {
        return creditorName.strip().equalsIgnoreCase(Objects.requireNonNull(other).creditorName.strip());
    }
}
