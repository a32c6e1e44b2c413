package fr.encaisse.documents;

/** What a stored document is. */
public enum DocumentKind {
    /** First, courteous reminder listing the overdue invoices and what the law adds to them. */
    REMINDER_1(true),
    /** Second, firmer reminder announcing the formal notice. */
    REMINDER_2(true),
    /** Mise en demeure (Code civil 1344): the last letter before court, sent by registered mail. */
    FORMAL_NOTICE(true),
    /** A Factur-X (PDF/A-3 with its EN 16931 CII XML) written for an invoice issued through Encaisse. */
    FACTURX_INVOICE(false),
    /** A copy of an invoice rendered from the ledger, for an invoice that cannot be written as a one-line Factur-X. */
    INVOICE_COPY(false),
    /** An e-invoice file as received (Factur-X/ZUGFeRD PDF, CII or UBL XML) and read into the ledger. */
    EINVOICE_RECEIVED(false),
    /** The judicial recovery dossier of a debtor (ZIP). */
    RECOVERY_DOSSIER(false);

    private final boolean letter;

    DocumentKind(boolean letter) {
        this.letter = letter;
    }

    /** Reminders and the formal notice: letters addressed to the debtor. */
    public boolean isLetter() {
        return letter;
    }
}
