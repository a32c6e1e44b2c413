/**
 * Documents: French and English letters (reminders, the formal notice, the dunning scenario's letters) rendered from editable
 * HTML/CSS templates to archival PDF (PDF/A-3b, embedded fonts, window-envelope layout), Factur-X
 * e-invoices written (EN 16931) and read into the ledger with UBL and CII, and the judicial recovery
 * dossier (injonction de payer or small-claims procedure) as one ZIP. Every document is stored
 * content-addressed by SHA-256 and journaled in the evidence chain with its hash.
 * Announces {@link fr.encaisse.documents.DocumentGenerated}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package fr.encaisse.documents;
