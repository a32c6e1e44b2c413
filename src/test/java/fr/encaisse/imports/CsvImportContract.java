package fr.encaisse.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.support.ApiTestSupport;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** CSV imports: all or nothing, every error named by line and column, idempotent. */
abstract class CsvImportContract extends ApiTestSupport {

    static final String DEBTORS = """
            Code client;Raison sociale;SIREN;TVA;Type;Adresse;Code postal;Ville;E-mail
            C001;Boulangerie Martin SARL;404833048;FR83404833048;B2B;3 rue du Four;69001;Lyon;compta@martin.fr
            C002;Mairie de Villeneuve;;;PUBLIC;Place de la Mairie;47300;Villeneuve;
            """;

    static final String INVOICES = """
            Numéro;Code client;Date facture;Date d'échéance;Montant HT;Montant TVA;Montant TTC;Bon de commande
            F2026-001;C001;15/01/2026;14/02/2026;1 000,00;200,00;1 200,00;PO-7
            F2026-002;C002;2026-01-20;2026-02-19;500,50;100,10;600,60;
            AV2026-001;C001;25/01/2026;25/01/2026;-100,00;-20,00;-120,00;
            """;

    ResultActions upload(TestTenant t, String kind, byte[] content, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/" + kind + (dryRun ? "?dryRun=true" : ""))
                .file(new MockMultipartFile("file", kind + ".csv", "text/csv", content))
                .header("X-API-Key", t.apiKey()));
    }

    @Test
    void a_clean_file_imports_and_the_same_file_twice_creates_nothing_new() throws Exception {
        var t = newTenant();
        upload(t, "debtors", DEBTORS.getBytes(StandardCharsets.UTF_8), false)
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.applied").value(true));
        upload(t, "invoices", INVOICES.getBytes(StandardCharsets.UTF_8), false)
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));

        getAs(t, "/api/v1/invoices?limit=10").andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].number").value("F2026-001"))
                .andExpect(jsonPath("$.items[0].amountInclTax").value(1200.0))
                .andExpect(jsonPath("$.items[0].poReference").value("PO-7"))
                .andExpect(jsonPath("$.items[1].amountExclTax").value(500.5));
        getAs(t, "/api/v1/credit-notes").andExpect(jsonPath("$.items[0].amountInclTax").value(120.0));

        upload(t, "debtors", DEBTORS.getBytes(StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.unchanged").value(2));
        upload(t, "invoices", INVOICES.getBytes(StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.unchanged").value(3));
        getAs(t, "/api/v1/invoices?limit=10").andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void a_windows_1252_file_with_commas_and_iso_dates_reads_its_accents() throws Exception {
        var t = newTenant();
        String csv = "reference,legal_name,city\r\nC9,\"Électricité Générale, Frères & Cie\",Besançon\r\n";
        mvc.perform(post("/api/v1/imports/debtors").header("X-API-Key", t.apiKey()).contentType("text/csv")
                        .content(csv.getBytes(Charset.forName("windows-1252"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.encoding").value("windows-1252"))
                .andExpect(jsonPath("$.separator").value(","));
        getAs(t, "/api/v1/debtors?q=lectricit").andExpect(jsonPath("$.items[0].legalName").value("Électricité Générale, Frères & Cie"));
    }

    @Test
    void a_malformed_file_writes_nothing_and_names_every_bad_line_and_column() throws Exception {
        var t = newTenant();
        upload(t, "debtors", DEBTORS.getBytes(StandardCharsets.UTF_8), false).andExpect(status().isOk());
        String bad = """
                number;debtor_reference;issue_date;due_date;amount_incl_tax
                F-1;C001;15/01/2026;14/02/2026;120,00
                F-2;C001;15/01/2026
                F-3;C001;31/02/2026;14/03/2026;50,00
                F-4;C001;15/01/2026;14/02/2026;12,3,4
                F-1;C001;15/01/2026;14/02/2026;120,00
                F-6;C404;15/01/2026;14/02/2026;10,00
                F-7;C001;15/01/2026;14/02/2026;10,001
                """;
        var result = upload(t, "invoices", bad.getBytes(StandardCharsets.UTF_8), false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.applied").value(false));
        List<Map<String, Object>> errors = json(result, "$.errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("field")).containsExactlyInAnyOrder(
                "3:null", "4:issue_date", "5:amount_incl_tax", "6:number", "7:debtor_reference", "8:amount_incl_tax");
        assertThat(errors).filteredOn(e -> Integer.valueOf(3).equals(e.get("line")))
                .extracting(e -> e.get("message")).containsExactly("has 3 columns, the header has 5");
        // Line 2 was fine, but the file is all or nothing.
        getAs(t, "/api/v1/invoices").andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void a_file_without_a_required_column_is_refused_before_any_row() throws Exception {
        var t = newTenant();
        upload(t, "invoices", "number;debtor_reference;issue_date\nF-1;C1;01/01/2026\n".getBytes(StandardCharsets.UTF_8), false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("due_date", "amount_incl_tax")));
    }

    @Test
    void a_dry_run_reports_without_writing() throws Exception {
        var t = newTenant();
        upload(t, "debtors", DEBTORS.getBytes(StandardCharsets.UTF_8), true)
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.applied").value(false));
        getAs(t, "/api/v1/debtors").andExpect(jsonPath("$.items.length()").value(0));
    }
}
