/**
 * SEPA Direct Debit, the pure core: identifier checks (IBAN, BIC, creditor identifier, mandate
 * reference), the TARGET2 business-day calendar and collection dates, the sequence-type and
 * mandate-amendment rules of the EPC SEPA Direct Debit Core and B2B rulebooks, and a streaming
 * writer of ISO 20022 {@code pain.008.001.08} (and the older {@code pain.008.001.02}) files.
 *
 * <p>No Spring, no database, no clock: dates and amounts in, values or files out. Mandate
 * persistence, pre-notifications and R-transactions (pain.002, camt.054) live elsewhere; see
 * {@code docs/sepa.md}.
 *
 * <p>The module's front door is this package; {@code fr.encaisse.sepa.internal} is private.
 */
package fr.encaisse.sepa;
