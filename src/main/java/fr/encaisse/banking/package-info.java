/**
 * Bank statements in, payments matched to invoices: streaming readers of camt.053/camt.054
 * (ISO 20022) and CFONB 120 files; their import (all or nothing, each line once); the matching
 * engine that turns credits into ledger payments and allocations automatically above the
 * tenant's confidence threshold and into suggestions below it; and the manual side: confirm,
 * change, split, reject, undo. Front door: {@link fr.encaisse.banking.Reconciliation} and
 * {@link fr.encaisse.banking.StatementParser}. See {@code docs/banking.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Banking")
package fr.encaisse.banking;
