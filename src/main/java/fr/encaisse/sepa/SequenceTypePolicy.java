package fr.encaisse.sepa;

import java.time.LocalDate;

/**
 * Chooses the sequence type of a mandate's next collection (EPC SDD Core and B2B rulebooks):
 * <ul>
 *   <li>one-off mandate → {@code OOFF}, once;</li>
 *   <li>recurrent mandate, first collection → {@code FRST}, or {@code RCUR} when
 *       {@code firstCollectionAsFrst} is false (allowed since rulebook 9.2, November 2016, but
 *       some banks still expect FRST — hence the default);</li>
 *   <li>recurrent mandate, later collection → {@code RCUR}, or {@code FNAL} for the last one;</li>
 *   <li>under the FRST policy, the first collection after the debtor moved to another bank
 *       ({@code SMNDA}) is again a {@code FRST}, as the pre-2016 rules required.</li>
 * </ul>
 * It refuses ({@link MandateNotUsableException}) a used one-off mandate, a recurrent mandate after
 * its FNAL, a mandate with no collection for 36 months (counted from the last collection, or from
 * the signature when never collected), and a collection dated before the signature.
 */
public record SequenceTypePolicy(boolean firstCollectionAsFrst) {

    /** First collection of a recurrent mandate as FRST. */
    public static final SequenceTypePolicy FRST_FIRST = new SequenceTypePolicy(true);

    /** Every collection of a recurrent mandate as RCUR (FNAL for the last), as rulebook 9.2 allows. */
    public static final SequenceTypePolicy RCUR_ONLY = new SequenceTypePolicy(false);

    /**
     * @param history        the mandate and its past collections
     * @param collectionDate the due date of the collection being prepared
     * @param lastCollection whether the creditor means this to be the mandate's last collection
     */
    public SequenceType decide(MandateHistory history, LocalDate collectionDate, boolean lastCollection) {
        String umr = history.current().mandateId();
        if (collectionDate.isBefore(history.signatureDate())) {
            throw new MandateNotUsableException("Mandate " + umr + " was signed on " + history.signatureDate()
                    + ", after the collection date " + collectionDate);
        }
        LocalDate clockStart = history.lastCollectionDate() != null ? history.lastCollectionDate()
                : history.signatureDate();
        if (collectionDate.isAfter(clockStart.plusMonths(MandateHistory.LAPSE_MONTHS))) {
            throw new MandateNotUsableException("Mandate " + umr + " has lapsed: no collection for "
                    + MandateHistory.LAPSE_MONTHS + " months since " + clockStart + "; a new mandate is needed");
        }
        if (history.type() == MandateType.ONE_OFF) {
            if (history.collectionsPresented() > 0) {
                throw new MandateNotUsableException("One-off mandate " + umr + " was already used on "
                        + history.lastCollectionDate());
            }
            return SequenceType.OOFF;
        }
        if (history.finalCollectionPresented()) {
            throw new MandateNotUsableException("Mandate " + umr + " had its final collection (FNAL) on "
                    + history.lastCollectionDate());
        }
        if (firstCollectionAsFrst
                && (history.collectionsPresented() == 0 || history.pendingAmendment().changedDebtorAgent())) {
            return SequenceType.FRST;
        }
        return lastCollection ? SequenceType.FNAL : SequenceType.RCUR;
    }
}
