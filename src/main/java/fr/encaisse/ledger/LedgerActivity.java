package fr.encaisse.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What was recorded in the ledger over a period, for the accounting export. "Recorded" is the
 * day the row was written, in the tenant's time zone: consecutive periods see each row once,
 * even a payment recorded today for money received last month.
 */
public interface LedgerActivity {

    /** Payments recorded between {@code from} and {@code to} inclusive, in order of recording. */
    Slice<Payment> paymentsRecorded(LocalDate from, LocalDate to, int limit, String after);

    /** Allocations (of payments and credit notes) recorded between {@code from} and {@code to}. */
    Slice<RecordedAllocation> allocationsRecorded(LocalDate from, LocalDate to, int limit, String after);

    /** Every allocation of these payments, whenever recorded. */
    List<RecordedAllocation> allocationsOfPayments(Collection<UUID> paymentIds);

    /** The day each of these payments was recorded. */
    Map<UUID, LocalDate> paymentsRecordedOn(Collection<UUID> paymentIds);

    /** An allocation and the day it was recorded. */
    record RecordedAllocation(Allocation allocation, LocalDate recordedOn) {
    }
}
