package fr.encaisse.sepa;

import java.util.Locale;
import java.util.Set;

/**
 * Routes an R-transaction (reject, return or refund of a direct debit) by its ISO 20022 reason
 * code, as the EPC SDD rulebooks list them:
 *
 * <ul>
 *   <li>{@code AM04} (insufficient funds): presented again once, after a delay; a second
 *       {@code AM04} goes to dunning;</li>
 *   <li>{@code MD01} (no valid mandate / unauthorised), {@code AC04} (account closed),
 *       {@code MD07} (debtor deceased), {@code AG01} (direct debit forbidden on the account): the
 *       mandate cannot be used any more — it is <b>revoked</b>, and dunning resumes;</li>
 *   <li>{@code MD06} (refund claimed by the debtor, CORE), {@code AC06} (account blocked),
 *       {@code MS02} (refused by the debtor), {@code AC01} (wrong IBAN), {@code MS03} (no reason
 *       given) and any other code: no re-presentation, the mandate stays (a refund or a refusal
 *       concerns one collection, not the mandate; a wrong IBAN is fixed by an amendment), dunning
 *       resumes.</li>
 * </ul>
 * The debtor is told in every case. Pure: no Spring, no database.
 *
 * @param maxPresentations how many times one invoice may be presented in all (2: once more after AM04)
 */
public record ReturnPolicy(int maxPresentations) {

    public static final ReturnPolicy DEFAULT = new ReturnPolicy(2);

    /** Codes after which the mandate is revoked. */
    public static final Set<String> REVOKING = Set.of("MD01", "AC04", "MD07", "AG01");

    /** Codes after which the collection may be presented again. */
    public static final Set<String> REPRESENTABLE = Set.of("AM04");

    public ReturnPolicy {
        if (maxPresentations < 1) {
            throw new SepaValidationException("maxPresentations", "must be at least 1");
        }
    }

    /**
     * @param route          what happens to the invoice
     * @param revokeMandate  whether the mandate must be revoked
     */
    public record Decision(String reasonCode, ReturnRoute route, boolean revokeMandate) {
    }

    /**
     * @param reasonCode the ISO 20022 reason code ({@code RtrInf/Rsn/Cd}, {@code StsRsnInf/Rsn/Cd})
     * @param attempt    which presentation of the invoice came back (1 for the first)
     */
    public Decision decide(String reasonCode, int attempt) {
        String code = reasonCode == null ? "" : reasonCode.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new SepaValidationException("reasonCode", "is missing");
        }
        boolean revoke = REVOKING.contains(code);
        ReturnRoute route = REPRESENTABLE.contains(code) && attempt < maxPresentations
                ? ReturnRoute.REPRESENT : ReturnRoute.RESUME_DUNNING;
        return new Decision(code, route, revoke);
    }
}
