/**
 * The receivables ledger: debtors, invoices, credit notes, payments and their allocations,
 * and the open balances that follow. Announces {@link fr.encaisse.ledger.InvoiceIssued},
 * {@link fr.encaisse.ledger.PaymentAllocated}, {@link fr.encaisse.ledger.InvoiceSettled} and
 * {@link fr.encaisse.ledger.PaymentDeleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package fr.encaisse.ledger;
