package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.SepaText;

/**
 * The creditor collecting the debits: the tenant.
 *
 * @param name             written as {@code Cdtr/Nm} and {@code InitgPty/Nm} (70 characters max)
 * @param iban             the account credited ({@code CdtrAcct})
 * @param bic              the creditor bank's BIC ({@code CdtrAgt}), optional
 * @param creditorSchemeId the SEPA creditor identifier (ICS), {@code CdtrSchmeId}
 * @param address          optional
 */
public record Creditor(String name, String iban, String bic, String creditorSchemeId, PostalAddress address) {

    public Creditor {
        if (name == null || !SepaText.hasLatinContent(name)) {
            throw new SepaValidationException("creditorName", "is missing or has no Latin letter or digit");
        }
        iban = SepaIdentifiers.requireIban("creditorIban", iban);
        bic = SepaIdentifiers.optionalBic("creditorBic", bic);
        creditorSchemeId = SepaIdentifiers.requireCreditorId("creditorSchemeId", creditorSchemeId);
    }

    public Creditor(String name, String iban, String bic, String creditorSchemeId) {
        this(name, iban, bic, creditorSchemeId, null);
    }
}
