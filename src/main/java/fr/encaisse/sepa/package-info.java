/**
 * SEPA Direct Debit (EPC SDD Core and B2B rulebooks).
 *
 * <p>The pure core: identifier checks (IBAN, BIC, creditor identifier, mandate reference), the
 * TARGET2 business-day calendar and collection dates, the sequence-type and mandate-amendment
 * rules, a streaming writer of ISO 20022 {@code pain.008.001.08} (and the older
 * {@code pain.008.001.02}) files, a reader of {@code pain.002.001.03}/{@code .10} status reports and
 * the routing of R-transactions — no Spring, no database, no clock.
 *
 * <p>The module's services: {@link fr.encaisse.sepa.Mandates} (mandates and the form to sign),
 * {@link fr.encaisse.sepa.DirectDebits} (planning on the invoices' due dates, pre-notifications,
 * batches, booking in the ledger, returns that feed dunning) and
 * {@link fr.encaisse.sepa.DirectDebitSettings}. Announces
 * {@link fr.encaisse.sepa.DirectDebitSettled} and {@link fr.encaisse.sepa.DirectDebitReturned}.
 * See {@code docs/sepa.md}. {@code fr.encaisse.sepa.internal} and {@code web} are private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SEPA direct debit")
package fr.encaisse.sepa;
