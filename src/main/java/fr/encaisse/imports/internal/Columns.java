package fr.encaisse.imports.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a column goes by in exports from French accounting and invoicing software,
 * normalised as {@link CsvTable#normalise}. The first name is the canonical one, used in
 * error reports.
 */
enum Columns {
    REFERENCE("reference", "codeclient", "compte", "compteclient", "customercode", "debtorreference"),
    LEGAL_NAME("legalname", "raisonsociale", "nom", "name", "client"),
    SIREN("siren"),
    SIRET("siret"),
    VAT_NUMBER("vatnumber", "tva", "numerotva", "tvaintracommunautaire", "vat"),
    KIND("kind", "type", "categorie"),
    ADDRESS("address", "adresse", "addressline1"),
    POSTAL_CODE("postalcode", "codepostal", "cp", "zip"),
    CITY("city", "ville"),
    COUNTRY("country", "pays"),
    EMAIL("email", "mail", "courriel"),
    PHONE("phone", "telephone", "tel"),
    LANGUAGE("language", "langue"),

    NUMBER("number", "numero", "facture", "numerofacture", "invoicenumber", "piece"),
    DEBTOR("debtorreference", "codeclient", "compteclient", "customercode", "client", "reference"),
    ISSUE_DATE("issuedate", "date", "datefacture", "invoicedate", "datepiece"),
    DUE_DATE("duedate", "echeance", "dateecheance", "datedecheance"),
    AMOUNT_EXCL_TAX("amountexcltax", "montantht", "ht", "totalht"),
    VAT_AMOUNT("vatamount", "montanttva", "tva", "totaltva"),
    AMOUNT_INCL_TAX("amountincltax", "montantttc", "ttc", "totalttc"),
    CURRENCY("currency", "devise"),
    PO_REFERENCE("poreference", "bondecommande", "commande", "ponumber"),
    PAYMENT_TERMS("paymentterms", "conditions", "conditionsdepaiement", "conditionsreglement");

    private final List<String> names;

    Columns(String... names) {
        this.names = List.of(names);
    }

    String canonical() {
        return names.get(0);
    }

    /** The header name this file uses for the column, if any. */
    Optional<String> in(List<String> header) {
        return names.stream().filter(header::contains).findFirst();
    }

    String value(Map<String, String> row, List<String> header) {
        return in(header).map(row::get).filter(v -> !v.isBlank()).orElse(null);
    }
}
