package fr.encaisse.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.support.ApiTestSupport;
import fr.encaisse.tenancy.TenantContext;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** Saved CSV profiles (explicit column mappings), and the preview that detects how a file is written. */
abstract class CsvProfileContract extends ApiTestSupport {

    /** An ERP export: tab-separated, Windows-1252, US dates, decimal point with thousands commas, its own column names. */
    static final String ERP_EXPORT = "Doc No\tAccount\tPosting Date\tDue\tNet\tTax\tGross\tRemarks\r\n"
            + "INV-1001\tACME\t01/31/2026\t03/02/2026\t1,000.00\t200.00\t1,200.00\tlivré à Besançon\r\n"
            + "INV-1002\tACME\t02/15/2026\t03/17/2026\t500.50\t100.10\t600.60\t\r\n";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String PROFILE = """
            {"name":"ERP Acme","kind":"INVOICES","separator":"tab","encoding":"windows-1252","decimalComma":false,
             "dateFormat":"MM/dd/yyyy","columns":{"number":"Doc No","debtor_reference":"Account","issue_date":"Posting Date",
             "due_date":"Due","amount_excl_tax":"Net","vat_amount":"Tax","amount_incl_tax":"Gross"}}""";

    @Autowired
    Ledger ledger;

    ResultActions preview(TestTenant t, byte[] content, String query) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/preview" + query)
                .file(new MockMultipartFile("file", "export.csv", "text/csv", content)).header("X-API-Key", t.apiKey()));
    }

    @Test
    void the_preview_detects_encoding_separator_decimal_point_and_a_us_date_format() throws Exception {
        var t = newTenant();
        preview(t, ERP_EXPORT.getBytes(WINDOWS_1252), "?kind=invoices")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("CSV"))
                .andExpect(jsonPath("$.encoding").value("windows-1252"))
                .andExpect(jsonPath("$.separator").value("tab"))
                .andExpect(jsonPath("$.header[0]").value("Doc No"))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0][7]").value("livré à Besançon"))
                // Without a profile only the usual names are found: "Doc No", "Account" and "Gross" are not among them.
                .andExpect(jsonPath("$.missing").value(Matchers.containsInAnyOrder("number", "debtor_reference", "issue_date",
                        "due_date", "amount_incl_tax")));

        String french = "Numéro;Code client;Date facture;Échéance;Montant TTC\n"
                + "F-1;C1;31/01/2026;02/03/2026;1 200,50\nF-2;C1;15.02.2026;17.03.2026;99,9\n";
        preview(t, french.getBytes(Charset.forName("UTF-8")), "")
                .andExpect(jsonPath("$.kind").value("INVOICES"))
                .andExpect(jsonPath("$.separator").value(";"))
                .andExpect(jsonPath("$.decimalComma").value(true))
                .andExpect(jsonPath("$.dateFormat").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.mapping.amount_incl_tax").value("Montant TTC"))
                .andExpect(jsonPath("$.mapping.due_date").value("Échéance"))
                .andExpect(jsonPath("$.missing.length()").value(0));

        preview(t, FecImportContract.resource(FecImportContract.V1), "")
                .andExpect(jsonPath("$.format").value("FEC"))
                .andExpect(jsonPath("$.separator").value("tab"));
    }

    @Test
    void a_saved_profile_reads_an_erp_export_and_belongs_to_its_tenant() throws Exception {
        var t = newTenant();
        TenantContext.runAs(t.id(), "test", () -> ledger.createDebtor(new DebtorDraft("ACME", "Acme SA", null, null, null,
                DebtorKind.B2B, null, null, null, "fr", List.of())));
        postAs(t, "/api/v1/imports/profiles", PROFILE).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("ERP Acme"));
        getAs(t, "/api/v1/imports/profiles").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].columns.number").value("Doc No"));

        preview(t, ERP_EXPORT.getBytes(WINDOWS_1252), "?profile=ERP Acme")
                .andExpect(jsonPath("$.profile").value("ERP Acme"))
                .andExpect(jsonPath("$.dateFormat").value("MM/dd/yyyy"))
                .andExpect(jsonPath("$.decimalComma").value(false))
                .andExpect(jsonPath("$.missing.length()").value(0))
                .andExpect(jsonPath("$.mapping.amount_incl_tax").value("Gross"));

        mvc.perform(multipart("/api/v1/imports/invoices?profile=ERP Acme")
                        .file(new MockMultipartFile("file", "export.csv", "text/csv", ERP_EXPORT.getBytes(WINDOWS_1252)))
                        .header("X-API-Key", t.apiKey()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        Invoice inv = TenantContext.runAs(t.id(), "test", () -> ledger.invoiceByNumber("INV-1001")).orElseThrow();
        assertThat(inv.issueDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(inv.dueDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(inv.amountInclTax()).isEqualByComparingTo("1200.00");
        assertThat(inv.amountExclTax()).isEqualByComparingTo("1000.00");

        // Saving under the same name replaces it; another tenant has none, and may not use it.
        postAs(t, "/api/v1/imports/profiles", PROFILE.replace("\"Gross\"", "\"Total\"")).andExpect(status().isOk());
        getAs(t, "/api/v1/imports/profiles").andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].columns.amount_incl_tax").value("Total"));
        var other = newTenant();
        getAs(other, "/api/v1/imports/profiles").andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/imports/invoices?profile=ERP Acme").header("X-API-Key", other.apiKey())
                        .contentType("text/csv").content(ERP_EXPORT.getBytes(WINDOWS_1252)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("profile"));

        deleteAs(t, "/api/v1/imports/profiles/ERP Acme").andExpect(status().isNoContent());
        deleteAs(t, "/api/v1/imports/profiles/ERP Acme").andExpect(status().isNotFound());
    }

    @Test
    void a_profile_naming_a_column_the_file_lacks_refuses_the_file_at_line_1() throws Exception {
        var t = newTenant();
        postAs(t, "/api/v1/imports/profiles", PROFILE.replace("\"Doc No\"", "\"Document\"")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/imports/invoices?profile=ERP Acme").header("X-API-Key", t.apiKey())
                        .contentType("text/csv").content(ERP_EXPORT.getBytes(WINDOWS_1252)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("number"))
                .andExpect(jsonPath("$.errors[0].value").value("Document"));
    }

    @Test
    void an_invalid_profile_is_refused_with_every_problem() throws Exception {
        var t = newTenant();
        postAs(t, "/api/v1/imports/profiles", """
                {"name":"Bad/name","kind":"INVOICES","separator":":","encoding":"EBCDIC","dateFormat":"hh:mm",
                 "columns":{"colour":"Couleur"}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("name", "columns.colour", "separator",
                        "encoding", "dateFormat")));
    }
}
