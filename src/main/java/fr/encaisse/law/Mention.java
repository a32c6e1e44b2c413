package fr.encaisse.law;

import java.util.Locale;

/**
 * A mandatory invoice mention, with the text that requires it: commercial mentions of Code de
 * commerce L441-9 I (B2B), tax mentions of CGI annexe II art. 242 nonies A, the SIREN of Code de
 * commerce R123-237, and the e-invoicing reform's buyer SIREN (décret 2022-1299).
 */
public enum Mention {
    INVOICE_NUMBER("CGI ann. II art. 242 nonies A", "numéro de facture unique", "unique invoice number"),
    PARTIES_NAMES_AND_ADDRESSES("C. com. L441-9 I ; CGI ann. II art. 242 nonies A",
            "nom et adresse du vendeur et de l'acheteur", "names and addresses of seller and buyer"),
    DUE_DATE("C. com. L441-9 I", "date d'échéance du paiement", "payment due date"),
    PENALTY_RATE("C. com. L441-9 I ; L441-10 II", "taux des pénalités de retard", "late-payment penalty rate"),
    RECOVERY_INDEMNITY("C. com. L441-9 I ; D441-5",
            "indemnité forfaitaire de 40 € pour frais de recouvrement", "€40 fixed recovery indemnity"),
    EARLY_PAYMENT_DISCOUNT_TERMS("C. com. L441-9 I",
            "conditions d'escompte en cas de paiement anticipé (ou leur absence)",
            "early-payment discount terms (or that there is none)"),
    SELLER_SIREN("C. com. R123-237 ; CGI ann. II art. 242 nonies A", "SIREN du vendeur", "seller's SIREN"),
    SELLER_VAT_NUMBER("CGI ann. II art. 242 nonies A", "numéro de TVA intracommunautaire du vendeur",
            "seller's VAT number"),
    BUYER_VAT_NUMBER("CGI ann. II art. 242 nonies A", "numéro de TVA intracommunautaire de l'acheteur "
            + "(livraison ou prestation intracommunautaire)", "buyer's VAT number (intra-EU supply)"),
    BUYER_SIREN("CGI ann. II art. 242 nonies A (décret 2022-1299, facturation électronique)",
            "SIREN de l'acheteur", "buyer's SIREN");

    private final String legalBasis;
    private final String french;
    private final String english;

    Mention(String legalBasis, String french, String english) {
        this.legalBasis = legalBasis;
        this.french = french;
        this.english = english;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String label(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? french : english;
    }
}
