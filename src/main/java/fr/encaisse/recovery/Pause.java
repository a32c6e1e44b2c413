package fr.encaisse.recovery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pause on a whole debtor ({@code invoiceId} null) or on one invoice.
 *
 * @param startsOn  first day of the pause; null = from the moment it was declared
 * @param endsOn    last day of the pause; null = until lifted
 * @param sourceId  the dispute, promise or plan that caused it (null for declared pauses)
 * @param sourceRef a caller's reference (e.g. the SEPA end-to-end id), to lift it later
 */
public record Pause(UUID id, PauseReason reason, UUID debtorId, UUID invoiceId, LocalDate startsOn, LocalDate endsOn,
                    UUID sourceId, String sourceRef, String note, String createdBy, OffsetDateTime createdAt,
                    OffsetDateTime liftedAt) {

    /** The rule, the only one: a pause holds on a day when not lifted and the day is within its dates. */
    public boolean activeOn(LocalDate day) {
        return liftedAt == null && (startsOn == null || !startsOn.isAfter(day)) && (endsOn == null || !endsOn.isBefore(day));
    }

    public boolean coversWholeDebtor() {
        return invoiceId == null;
    }
}
