package fr.encaisse.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the rest of Encaisse may ask of the documents module. Every call acts within the current
 * tenant; another tenant's debtor, invoice or document is reported as not found. Every document
 * generated or received is stored once per content (SHA-256) and journaled in the evidence chain
 * with its hash, in the same transaction.
 *
 * <p>A dunning or communication module can plug its letter port onto {@link #generateLetter} (stored,
 * journaled) or {@link #previewLetter} (bytes only).
 */
public interface Documents {

    /**
     * Writes a reminder or the formal notice for a debtor's overdue invoices, with the penalty
     * statement as of the letter date, and stores it.
     *
     * @throws fr.encaisse.shared.ConflictException when the debtor has nothing overdue, or its overdue
     *         invoices are in several currencies
     * @throws fr.encaisse.law.RateNotAvailableException never: a half-year without published rates is
     *         handled by counting interest to the end of the last published half-year and saying so
     */
    StoredDocument generateLetter(LetterRequest request);

    /** The same letter's PDF, neither stored nor journaled. */
    DocumentContent previewLetter(LetterRequest request);

    /** Records that a registered letter was posted, with La Poste's tracking number. */
    StoredDocument recordPosting(UUID documentId, String trackingNumber, LocalDate postedOn);

    /** Records the date on the signed acknowledgement of receipt. */
    StoredDocument recordAcknowledgement(UUID documentId, LocalDate receivedOn);

    /**
     * The invoice as Factur-X (EN 16931): the original PDF when the invoice was received as
     * Factur-X, else one written from the ledger (reused while invoice, debtor and tenant are unchanged).
     */
    StoredDocument facturX(UUID invoiceId);

    /**
     * Reads a Factur-X/ZUGFeRD PDF, a CII or a UBL invoice or credit note into the ledger: the
     * debtor is matched by SIREN, VAT number or name, or created. All or nothing.
     *
     * @throws fr.encaisse.shared.InvalidInputException naming each business term (BT-…) at fault
     */
    EInvoiceImport importEInvoice(String fileName, byte[] content);

    /** Assembles the judicial recovery dossier of a debtor as one ZIP and stores it. */
    StoredDocument recoveryDossier(DossierRequest request);

    StoredDocument document(UUID documentId);

    DocumentContent content(UUID documentId);

    /** The debtor's documents, newest first. */
    List<StoredDocument> ofDebtor(UUID debtorId);

    /** Every template in French and English, the tenant's version where it has one. */
    List<DocumentTemplate> templates();

    DocumentTemplate template(String name, String language);

    /**
     * Replaces the tenant's template after rendering it with sample data: a template that does not
     * render (unknown field, malformed XHTML, a DOCTYPE, an external resource) is refused.
     */
    DocumentTemplate saveTemplate(String name, String language, String content);

    /** Back to the bundled default. */
    void resetTemplate(String name, String language);

    /** A sample PDF of a template (the tenant's or the given content) filled with example data. */
    DocumentContent previewTemplate(String name, String language, String contentOrNull);

    void setAsset(DocumentAsset asset, String mediaType, byte[] content);

    void removeAsset(DocumentAsset asset);
}
