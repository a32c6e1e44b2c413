package fr.encaisse.documents.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The templates a tenant may replace, with what each one is for and which data it receives.
 * Court documents exist in French only (French courts); the English name falls back to them.
 */
enum TemplateName {
    LETTER_STYLE("letter-style", "CSS shared by every document (page size and margins, fonts, page numbers)", true, ModelKind.ANY),
    LETTER_HEADER("letter-header", "Letterhead and logo, sender, recipient placed in the DL/C5 envelope window,"
            + " place and date, references, subject, and the running footer", true, ModelKind.ANY),
    CLAIM_TABLE("claim-table", "Overdue invoices, interest period by period, indemnities and totals", true, ModelKind.LETTER),
    REMINDER_1("reminder-1", "First reminder", false, ModelKind.LETTER),
    REMINDER_2("reminder-2", "Second reminder", false, ModelKind.LETTER),
    FORMAL_NOTICE("formal-notice", "Formal notice (mise en demeure, Code civil 1344), sent by registered mail", false, ModelKind.LETTER),
    DUNNING_LETTER("dunning-letter", "Letter of a dunning step sent through the outbox (penalty letter, formal notice by"
            + " registered mail…), with the texts of the dunning scenario", false, ModelKind.DUNNING_LETTER),
    INVOICE("invoice", "The visible page of a Factur-X invoice written by Encaisse", false, ModelKind.INVOICE),
    PAYMENT_TERMS("payment-terms", "Late-payment terms of sale as configured (joined to the recovery dossier)", false, ModelKind.DOSSIER),
    INJONCTION_REQUEST("injonction-request", "Request for an injonction de payer (CPC 1405 s.), pre-filled", false, ModelKind.DOSSIER),
    SMALL_CLAIMS_COVER("small-claims-cover", "Cover letter to the commissaire de justice (small claims, CPCE L125-1)", false, ModelKind.DOSSIER),
    DOSSIER_INDEX("dossier-index", "Index of the recovery dossier with the claim and each file's SHA-256", false, ModelKind.DOSSIER),
    CHRONOLOGY("chronology", "Chronology of the acts from the evidence journal, with hashes", false, ModelKind.DOSSIER),
    DELIVERY_PROOFS("delivery-proofs", "Registered letters: tracking numbers and acknowledgements of receipt", false, ModelKind.DOSSIER);

    /** Which data a template is rendered with. */
    enum ModelKind { ANY, LETTER, DUNNING_LETTER, INVOICE, DOSSIER }

    static final List<String> LANGUAGES = List.of("fr", "en");

    private final String key;
    private final String description;
    private final boolean partial;
    private final ModelKind model;

    TemplateName(String key, String description, boolean partial, ModelKind model) {
        this.key = key;
        this.description = description;
        this.partial = partial;
        this.model = model;
    }

    String key() {
        return key;
    }

    String description() {
        return description;
    }

    boolean partial() {
        return partial;
    }

    ModelKind model() {
        return model;
    }

    static Optional<TemplateName> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
