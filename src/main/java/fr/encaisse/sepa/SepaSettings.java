package fr.encaisse.sepa;

/**
 * A tenant's direct-debit settings.
 *
 * @param creditorId             SEPA creditor identifier (ICS), checked by its check digits; defaults to
 *                               the one given when the tenant was opened
 * @param umrPrefix              prefix of generated mandate references (1-12 letters or digits)
 * @param prenotificationDays    calendar days between the pre-notification and the collection: 14 by
 *                               rule, shorter when the tenant's terms of sale say so (1 to 60)
 * @param representationDelayDays days after an AM04 return before the one re-presentation (1 to 60)
 * @param bankCutOffDays         business days the creditor's bank needs on top of the D-1 lead time
 * @param planningHorizonDays    how far beyond the pre-notification period invoices are planned
 * @param firstCollectionAsFrst  FRST for a mandate's first collection (else RCUR, rulebook ≥ 9.2)
 * @param painVersion            pain.008 version written by default
 */
public record SepaSettings(String creditorId, String umrPrefix, int prenotificationDays, int representationDelayDays,
        int bankCutOffDays, int planningHorizonDays, boolean firstCollectionAsFrst, PainVersion painVersion) {

    public static final int DEFAULT_PRENOTIFICATION_DAYS = 14;

    public static SepaSettings defaults(String creditorId) {
        return new SepaSettings(creditorId, "ENC", DEFAULT_PRENOTIFICATION_DAYS, 10, 0, 30, true, PainVersion.V08);
    }

    public CollectionDates collectionDates() {
        return CollectionDates.RULEBOOK.withBankCutOffDays(bankCutOffDays);
    }

    public SequenceTypePolicy sequenceTypePolicy() {
        return firstCollectionAsFrst ? SequenceTypePolicy.FRST_FIRST : SequenceTypePolicy.RCUR_ONLY;
    }
}
