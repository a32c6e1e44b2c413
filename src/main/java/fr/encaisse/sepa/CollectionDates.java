package fr.encaisse.sepa;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a collection can be requested and when its file must reach the bank, on the
 * {@link Target2Calendar TARGET2} calendar.
 *
 * <p>Since the 2016 rulebooks (9.x) a CORE collection of any sequence type, like a B2B one, may be
 * presented D-1: one inter-bank business day before the due date. The creditor's bank wants the
 * file earlier (its cut-off), expressed here in additional business days. A request may not be
 * presented more than 14 calendar days before the due date.
 *
 * @param coreLeadDays              inter-bank lead time of a CORE collection, in business days (1)
 * @param b2bLeadDays               inter-bank lead time of a B2B collection, in business days (1)
 * @param bankCutOffDays            business days the creditor's bank needs on top (0 by default)
 * @param maxCalendarDaysInAdvance  how early a collection may be submitted, in calendar days (14)
 */
public record CollectionDates(int coreLeadDays, int b2bLeadDays, int bankCutOffDays, int maxCalendarDaysInAdvance) {

    /** D-1 for CORE and B2B, no extra bank cut-off, at most 14 calendar days in advance. */
    public static final CollectionDates RULEBOOK = new CollectionDates(1, 1, 0, 14);

    public CollectionDates {
        if (coreLeadDays < 1 || b2bLeadDays < 1) {
            throw new SepaValidationException("leadDays", "must be at least 1 business day");
        }
        if (bankCutOffDays < 0) {
            throw new SepaValidationException("bankCutOffDays", "must not be negative, got " + bankCutOffDays);
        }
        if (maxCalendarDaysInAdvance < 1) {
            throw new SepaValidationException("maxCalendarDaysInAdvance", "must be positive");
        }
    }

    /** The same rules with the creditor bank's cut-off, in business days before the inter-bank deadline. */
    public CollectionDates withBankCutOffDays(int days) {
        return new CollectionDates(coreLeadDays, b2bLeadDays, days, maxCalendarDaysInAdvance);
    }

    /** Business days between the file reaching the creditor's bank and the collection date. */
    public int leadDays(Scheme scheme) {
        return (scheme == Scheme.B2B ? b2bLeadDays : coreLeadDays) + bankCutOffDays;
    }

    /**
     * The collection (settlement) date for a requested one: a request falling on a day TARGET2 is
     * closed moves to the next TARGET2 business day.
     */
    public LocalDate collectionDate(LocalDate requested) {
        return Target2Calendar.businessDayOnOrAfter(Objects.requireNonNull(requested, "requested"));
    }

    /**
     * The last business day on which the file must reach the creditor's bank for the debit to be
     * collected on {@code requestedCollectionDate} (moved to a business day first).
     */
    public LocalDate latestSubmissionDate(LocalDate requestedCollectionDate, Scheme scheme) {
        return Target2Calendar.addBusinessDays(collectionDate(requestedCollectionDate), -leadDays(scheme));
    }

    /**
     * The first day on which a collection for {@code requestedCollectionDate} may be submitted: 14
     * calendar days before (by default) the collection date.
     */
    public LocalDate earliestSubmissionDate(LocalDate requestedCollectionDate) {
        return collectionDate(requestedCollectionDate).minusDays(maxCalendarDaysInAdvance);
    }

    /**
     * The earliest collection date for a file submitted on {@code submissionDate} (before the bank's
     * cut-off time; a file sent on a closed day counts from the next business day).
     */
    public LocalDate earliestCollectionDate(LocalDate submissionDate, Scheme scheme) {
        return Target2Calendar.addBusinessDays(
                Target2Calendar.businessDayOnOrAfter(Objects.requireNonNull(submissionDate, "submissionDate")),
                leadDays(scheme));
    }

    /** Whether a file submitted on {@code submissionDate} can still be collected on the requested date. */
    public boolean canSubmit(LocalDate submissionDate, LocalDate requestedCollectionDate, Scheme scheme) {
        return !submissionDate.isAfter(latestSubmissionDate(requestedCollectionDate, scheme))
                && !submissionDate.isBefore(earliestSubmissionDate(requestedCollectionDate));
    }
}
