package fr.encaisse.sepa;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A SEPA direct debit mandate of one debtor of the tenant.
 *
 * @param umr                  the unique mandate reference, as sent to the bank ({@code MndtId})
 * @param creditorId           the tenant's SEPA creditor identifier (ICS) in force
 * @param signedOn             date of signature ({@code DtOfSgntr}), null until signed
 * @param signedAt             place of signature
 * @param statusChangedOn      when it was signed, revoked or expired
 * @param statusReason         why it was revoked or expired
 * @param collectionsPresented collections sent to the bank (rejected before settlement excluded)
 * @param lastCollectionDate   collection date of the last of them
 * @param lapsesAfter          the last day a collection may be dated before the mandate lapses
 *                             (36 months after the last collection, or after the signature)
 * @param amendments           the mandate's changes, oldest first
 */
public record Mandate(UUID id, UUID debtorId, String umr, Scheme scheme, MandateType type, MandateStatus status,
        String creditorId, String debtorName, String debtorStreet, String debtorPostCode, String debtorTown,
        String debtorCountry, String iban, String bic, LocalDate signedOn, String signedAt, String signatory,
        LocalDate statusChangedOn, String statusReason, int collectionsPresented, LocalDate lastCollectionDate,
        LocalDate lapsesAfter, List<MandateChange> amendments, OffsetDateTime createdAt) {
}
