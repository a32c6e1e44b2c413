package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.IdentifierRules;
import java.util.Objects;

/**
 * What changed in a mandate since its last collection, carried by the next collection as
 * {@code MndtRltdInf/AmdmntInd = true} with {@code AmdmntInfDtls}:
 * <ul>
 *   <li>{@code originalMandateId} → {@code OrgnlMndtId} (the UMR changed);</li>
 *   <li>{@code originalCreditorSchemeId} / {@code originalCreditorName} →
 *       {@code OrgnlCdtrSchmeId/Id} / {@code Nm} (the creditor identifier or name changed);</li>
 *   <li>{@code originalDebtorIban} → {@code OrgnlDbtrAcct/Id/IBAN}: new account <em>in the same
 *       bank</em>;</li>
 *   <li>{@code changedDebtorAgent} → {@code OrgnlDbtrAgt/FinInstnId/Othr/Id = SMNDA} ("same
 *       mandate, new debtor agent"): new account in another bank; the original IBAN is then not
 *       sent.</li>
 * </ul>
 * Null fields did not change. {@link #NONE} means no amendment ({@code AmdmntInd = false}).
 */
public record Amendment(String originalMandateId, String originalCreditorSchemeId, String originalCreditorName,
        String originalDebtorIban, boolean changedDebtorAgent) {

    public static final Amendment NONE = new Amendment(null, null, null, null, false);

    public Amendment {
        if (originalMandateId != null) {
            originalMandateId = SepaIdentifiers.requireMandateReference("originalMandateId", originalMandateId);
        }
        if (originalCreditorSchemeId != null) {
            originalCreditorSchemeId = SepaIdentifiers.requireCreditorId("originalCreditorSchemeId",
                    originalCreditorSchemeId);
        }
        if (originalDebtorIban != null) {
            originalDebtorIban = SepaIdentifiers.requireIban("originalDebtorIban", originalDebtorIban);
            if (changedDebtorAgent) {
                throw new SepaValidationException("originalDebtorIban",
                        "must not be given when the debtor changed bank (SMNDA): the EPC guidelines reserve"
                                + " the original debtor account for a change of account within the same bank");
            }
        }
    }

    /** Whether anything changed: the collection then carries {@code AmdmntInd = true}. */
    public boolean isAmended() {
        return originalMandateId != null || originalCreditorSchemeId != null || originalCreditorName != null
                || originalDebtorIban != null || changedDebtorAgent;
    }

    /**
     * The amendment between the mandate as it was at its last collection and as it is now;
     * {@link #NONE} when {@code previous} is null (never collected) or nothing relevant changed.
     * A new IBAN is a change of bank when the national bank code in the IBAN differs (falling back to
     * the first 6 characters of the BICs when the IBAN carries no bank code).
     */
    public static Amendment between(MandateDetails previous, MandateDetails current) {
        Objects.requireNonNull(current, "current");
        if (previous == null) {
            return NONE;
        }
        String mandateId = previous.mandateId().equals(current.mandateId()) ? null : previous.mandateId();
        boolean creditorIdChanged = !previous.creditorSchemeId().equals(current.creditorSchemeId());
        String creditorId = creditorIdChanged ? previous.creditorSchemeId() : null;
        String creditorName = previous.sameCreditorName(current) ? null : previous.creditorName();
        String debtorIban = null;
        boolean newBank = false;
        if (!previous.debtorIban().equals(current.debtorIban())) {
            if (sameBank(previous, current)) {
                debtorIban = previous.debtorIban();
            } else {
                newBank = true;
            }
        }
        return new Amendment(mandateId, creditorId, creditorName, debtorIban, newBank);
    }

    private static boolean sameBank(MandateDetails a, MandateDetails b) {
        String bankA = IdentifierRules.bankOf(a.debtorIban());
        String bankB = IdentifierRules.bankOf(b.debtorIban());
        if (bankA != null && bankB != null) {
            return bankA.equals(bankB);
        }
        if (a.debtorBic() != null && b.debtorBic() != null) {
            return a.debtorBic().substring(0, 6).equals(b.debtorBic().substring(0, 6));
        }
        return false;
    }
}
