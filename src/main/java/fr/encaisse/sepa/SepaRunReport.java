package fr.encaisse.sepa;

import java.time.LocalDate;

/**
 * The day's direct-debit work for one tenant: mandates lapsed, invoices planned, pre-notifications
 * queued, collections moved because their submission date passed, collections settled (booked in
 * the ledger), collections cancelled because their invoice was paid otherwise, notices sent.
 */
public record SepaRunReport(LocalDate asOf, int mandatesExpired, int planned, int prenotified, int replanned,
        int settled, int cancelled, int noticesSent) {
}
