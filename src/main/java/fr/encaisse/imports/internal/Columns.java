package fr.encaisse.imports.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a column goes by in exports from French accounting and invoicing software,
 * compared after {@link CsvTable#normalise}. The first name is the documented one, used
 * in error reports.
 */
enum Columns {
    REFERENCE("reference", "codeclient", "compte", "compteclient", "customercode", "debtorreference"),
    LEGAL_NAME("legal_name", "raisonsociale", "nom", "name", "client"),
    SIREN("siren"),
    SIRET("siret"),
    VAT_NUMBER("vat_number", "tva", "numerotva", "tvaintracommunautaire", "vat"),
    KIND("kind", "type", "categorie"),
    ADDRESS("address", "adresse", "addressline1"),
    POSTAL_CODE("postal_code", "codepostal", "cp", "zip"),
    CITY("city", "ville"),
    COUNTRY("country", "pays"),
    EMAIL("email", "mail", "courriel"),
    PHONE("phone", "telephone", "tel"),
    LANGUAGE("language", "langue"),

    NUMBER("number", "numero", "facture", "numerofacture", "invoicenumber", "piece"),
    DEBTOR("debtor_reference", "codeclient", "compteclient", "customercode", "client", "reference"),
    ISSUE_DATE("issue_date", "date", "datefacture", "invoicedate", "datepiece"),
    DUE_DATE("due_date", "echeance", "dateecheance", "datedecheance"),
    AMOUNT_EXCL_TAX("amount_excl_tax", "montantht", "ht", "totalht"),
    VAT_AMOUNT("vat_amount", "montanttva", "tva", "totaltva"),
    AMOUNT_INCL_TAX("amount_incl_tax", "montantttc", "ttc", "totalttc"),
    CURRENCY("currency", "devise"),
    PO_REFERENCE("po_reference", "bondecommande", "commande", "ponumber"),
    PAYMENT_TERMS("payment_terms", "conditions", "conditionsdepaiement", "conditionsreglement");

    private final String label;
    private final List<String> names;

    Columns(String label, String... aliases) {
        this.label = label;
        this.names = java.util.stream.Stream.concat(java.util.stream.Stream.of(label), java.util.stream.Stream.of(aliases))
                .map(CsvTable::normalise).toList();
    }

    private static final List<Columns> DEBTOR_COLUMNS = List.of(REFERENCE, LEGAL_NAME, SIREN, SIRET, VAT_NUMBER, KIND,
            ADDRESS, POSTAL_CODE, CITY, COUNTRY, EMAIL, PHONE, LANGUAGE);
    private static final List<Columns> INVOICE_COLUMNS = List.of(NUMBER, DEBTOR, ISSUE_DATE, DUE_DATE, AMOUNT_EXCL_TAX,
            VAT_AMOUNT, AMOUNT_INCL_TAX, CURRENCY, PO_REFERENCE, PAYMENT_TERMS, KIND);

    /** The columns a file of this kind may have, in documented order. */
    static List<Columns> of(fr.encaisse.imports.ImportKind kind) {
        return kind == fr.encaisse.imports.ImportKind.DEBTORS ? DEBTOR_COLUMNS : INVOICE_COLUMNS;
    }

    static List<Columns> required(fr.encaisse.imports.ImportKind kind) {
        return kind == fr.encaisse.imports.ImportKind.DEBTORS ? List.of(REFERENCE, LEGAL_NAME)
                : List.of(NUMBER, DEBTOR, ISSUE_DATE, DUE_DATE, AMOUNT_INCL_TAX);
    }

    static Optional<Columns> byCanonical(fr.encaisse.imports.ImportKind kind, String name) {
        return of(kind).stream().filter(c -> c.label.equals(name)).findFirst();
    }

    boolean isDate() {
        return this == ISSUE_DATE || this == DUE_DATE;
    }

    boolean isAmount() {
        return this == AMOUNT_EXCL_TAX || this == VAT_AMOUNT || this == AMOUNT_INCL_TAX;
    }

    /** The name used in error reports and in the documented file layout. */
    String canonical() {
        return label;
    }

    /** The header name this file uses for the column, if any. */
    Optional<String> in(List<String> header) {
        return names.stream().filter(header::contains).findFirst();
    }

    String value(Map<String, String> row, List<String> header) {
        return in(header).map(row::get).filter(v -> !v.isBlank()).orElse(null);
    }
}
