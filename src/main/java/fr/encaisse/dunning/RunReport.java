package fr.encaisse.dunning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one tenant's run did.
 *
 * @param businessDay     false: nothing is sent on weekends and French public holidays (the run did nothing)
 * @param invoicesRead    open invoices read
 * @param contacts        contacts made (sent or drafted), {@code drafted} of them awaiting review
 * @param actions         invoice steps taken (a per-debtor contact covers several)
 * @param paused          invoices skipped because paused (dispute, promise, plan, direct debit, hold)
 * @param held            invoices skipped because a drafted contact about them awaits review
 * @param deferred        invoices whose due step waits for the debtor's minimum gap between contacts
 * @param settled         invoices found paid when re-read just before writing
 */
public record RunReport(UUID tenantId, LocalDate asOf, boolean businessDay, long invoicesRead, int contacts, int drafted,
                        int actions, int paused, int held, int deferred, int settled, long millis) {
}
