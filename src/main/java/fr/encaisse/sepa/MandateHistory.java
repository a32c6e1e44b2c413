package fr.encaisse.sepa;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A mandate as the sequence-type and amendment rules need it: its kind, its current details, when
 * it was signed, and what happened at its last collection.
 *
 * <p>Count a collection as presented once its file went to the bank, even when it is later
 * returned or refunded (that is what starts and restarts the 36-month lapse clock). A collection
 * rejected before settlement may be left uncounted so that, under the FRST policy, the next one is
 * a FRST again.
 *
 * @param type                     recurrent or one-off
 * @param current                  the mandate details now (after any amendment)
 * @param signatureDate            date of signature ({@code DtOfSgntr})
 * @param collectionsPresented     collections presented so far
 * @param lastCollectionDate       due date of the last presented collection, or null
 * @param lastCollected            the mandate details as sent with the last collection, or null
 * @param finalCollectionPresented whether a FNAL was presented
 */
public record MandateHistory(MandateType type, MandateDetails current, LocalDate signatureDate,
        int collectionsPresented, LocalDate lastCollectionDate, MandateDetails lastCollected,
        boolean finalCollectionPresented) {

    /** A mandate lapses after this many months without a collection (EPC SDD rulebooks). */
    public static final int LAPSE_MONTHS = 36;

    public MandateHistory {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(signatureDate, "signatureDate");
        if (collectionsPresented < 0) {
            throw new SepaValidationException("collectionsPresented", "must not be negative");
        }
        if (collectionsPresented > 0 && (lastCollectionDate == null || lastCollected == null)) {
            throw new SepaValidationException("lastCollectionDate",
                    "and lastCollected are required once a collection was presented");
        }
    }

    /** A freshly signed mandate, never collected. */
    public static MandateHistory signed(MandateType type, MandateDetails details, LocalDate signatureDate) {
        return new MandateHistory(type, details, signatureDate, 0, null, null, false);
    }

    /** The history after a collection with {@code sequenceType} due on {@code collectionDate}. */
    public MandateHistory afterCollection(LocalDate collectionDate, SequenceType sequenceType) {
        return new MandateHistory(type, current, signatureDate, collectionsPresented + 1, collectionDate, current,
                finalCollectionPresented || sequenceType == SequenceType.FNAL);
    }

    /** The same history with the mandate's details amended (new IBAN, new UMR, new creditor id…). */
    public MandateHistory amendedTo(MandateDetails newDetails) {
        return new MandateHistory(type, newDetails, signatureDate, collectionsPresented, lastCollectionDate,
                lastCollected, finalCollectionPresented);
    }

    /** What the next collection must announce as changed since the last one. */
    public Amendment pendingAmendment() {
        return Amendment.between(lastCollected, current);
    }
}
