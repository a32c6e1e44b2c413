package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Disputes, promises to pay and payment plans of the current tenant. Each one pauses dunning on
 * what it covers (through {@link DunningPauses}) in the same transaction, and lifts the pause
 * when it ends.
 */
public interface Cases {

    Dispute openDispute(NewDispute dispute);

    Dispute resolveDispute(UUID disputeId, String resolution);

    Dispute dispute(UUID disputeId);

    List<Dispute> disputes(boolean openOnly);

    Promise recordPromise(NewPromise promise);

    Promise cancelPromise(UUID promiseId);

    Promise promise(UUID promiseId);

    /** Open (not cancelled) promises whose date is on or before {@code day}, by date. */
    List<Promise> openPromisesDueBy(LocalDate day);

    PaymentPlan createPlan(NewPaymentPlan plan);

    /** Ends the plan: {@code COMPLETED} (paid as agreed) or {@code CANCELLED} (broken); dunning resumes. */
    PaymentPlan closePlan(UUID planId, PaymentPlan.Status outcome);

    PaymentPlan plan(UUID planId);
}
