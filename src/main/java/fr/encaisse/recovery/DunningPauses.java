package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * "Is this invoice or debtor paused, and why?" — the one exclusion rule the dunning run, the
 * outbox, statements and the portal all use ({@link Pause#activeOn}). Also the door through which
 * other modules declare pauses: the sepa module declares {@link PauseReason#DIRECT_DEBIT_PENDING}
 * when it sends a debit and lifts it by its reference when the debit settles or is rejected.
 * Every call acts within the current tenant.
 */
public interface DunningPauses {

    /** Paused when the invoice, or its whole debtor, has an active pause on that day. */
    PauseStatus ofInvoice(UUID invoiceId, LocalDate on);

    /** Paused as a whole (pauses on single invoices do not pause the debtor). */
    PauseStatus ofDebtor(UUID debtorId, LocalDate on);

    /** Every pause of the current tenant active on a day, indexed for batch work. */
    ActivePauses activeOn(LocalDate on);

    /** Only {@link PauseReason#declarable()} reasons; disputes, promises and plans come with their case. */
    Pause declare(PauseRequest request);

    void lift(UUID pauseId);

    /** Lifts the live pauses of that reason declared with that reference; returns how many. */
    int liftBySource(PauseReason reason, String sourceRef);

    /** Live pauses (not lifted, not ended before {@code on}), newest first. */
    List<Pause> live(LocalDate on);

    Pause pause(UUID pauseId);
}
