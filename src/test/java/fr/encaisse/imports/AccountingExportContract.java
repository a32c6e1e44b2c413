package fr.encaisse.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.support.ApiTestSupport;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The accounting export: what Encaisse recorded, as journal entries the accountant can post,
 * and nothing that came from the books.
 */
abstract class AccountingExportContract extends ApiTestSupport {

    static final Charset LATIN_9 = Charset.forName("ISO-8859-15");

    @Autowired
    Ledger ledger;

    <T> T as(TestTenant t, Supplier<T> work) {
        return TenantContext.runAs(t.id(), "test", work);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    byte[] export(TestTenant t, String format) throws Exception {
        return getAs(t, "/api/v1/exports/accounting?from=" + today().minusDays(1) + "&to=" + today().plusDays(1) + "&format=" + format)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The FEC's lines without the header, each as "Journal Num | Account Aux | PieceRef | Debit | Credit". */
    static List<String> lines(byte[] fec) {
        String[] rows = new String(fec, LATIN_9).split("\r\n");
        assertThat(rows[0]).isEqualTo(String.join("\t", List.of("JournalCode", "JournalLib", "EcritureNum", "EcritureDate",
                "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
                "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise")));
        return Arrays.stream(rows).skip(1).map(r -> {
            String[] f = r.split("\t", -1);
            assertThat(f).hasSize(18);
            return f[0] + " " + f[2] + " | " + f[4] + " " + f[6] + " | " + f[8] + " | " + f[11] + " | " + f[12];
        }).toList();
    }

    @Test
    void payments_and_allocations_recorded_in_encaisse_become_entries_to_post() throws Exception {
        var t = newTenant();
        Debtor c1 = as(t, () -> ledger.createDebtor(new DebtorDraft("C1", "Client Un SAS", null, null, null, DebtorKind.B2B, null,
                null, null, "fr", List.of())));
        Invoice f1 = as(t, () -> ledger.issueInvoice(invoice(c1, "F-1", "1200.00")));
        Invoice f2 = as(t, () -> ledger.issueInvoice(invoice(c1, "F-2", "600.00")));
        as(t, () -> ledger.recordPayment(new PaymentDraft(c1.id(), LocalDate.of(2026, 3, 2), new BigDecimal("1500.00"), "EUR",
                PaymentMethod.TRANSFER, "VIR C1 MARS", List.of(new PaymentDraft.Share(f1.id(), new BigDecimal("1200.00"))))));
        CreditNote av = as(t, () -> ledger.issueCreditNote(new CreditNoteDraft(c1.id(), "AV-1", LocalDate.of(2026, 3, 3), "EUR",
                new BigDecimal("100.00"), new BigDecimal("20.00"), new BigDecimal("120.00"))));
        as(t, () -> ledger.applyCreditNote(av.id(), f2.id(), new BigDecimal("120.00"), LocalDate.of(2026, 3, 3)));
        Payment unknown = as(t, () -> ledger.recordPayment(new PaymentDraft(null, LocalDate.of(2026, 3, 4), new BigDecimal("300.00"),
                "EUR", PaymentMethod.TRANSFER, "VIR INCONNU", List.of())));

        assertThat(lines(export(t, "fec"))).containsExactly(
                "BQ 1 | 512000  | VIR C1 MARS | 1500,00 | 0,00",
                "BQ 1 | 411000 C1 | F-1 | 0,00 | 1200,00",
                "BQ 1 | 411000 C1 | VIR C1 MARS | 0,00 | 300,00",
                "BQ 2 | 512000  | VIR INCONNU | 300,00 | 0,00",
                "BQ 2 | 471000  | VIR INCONNU | 0,00 | 300,00",
                "OD 1 | 411000 C1 | AV-1 | 120,00 | 0,00",
                "OD 1 | 411000 C1 | F-2 | 0,00 | 120,00");

        // Allocated in the same period, the unknown payment's entry names the invoice instead of the suspense account.
        as(t, () -> ledger.allocatePayment(unknown.id(), f2.id(), new BigDecimal("300.00")));
        assertThat(lines(export(t, "fec"))).contains("BQ 2 | 411000 C1 | F-2 | 0,00 | 300,00")
                .doesNotContain("BQ 2 | 471000  | VIR INCONNU | 0,00 | 300,00");

        String csv = new String(export(t, "csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFJournal;Libellé journal;N° écriture;Date;Compte;")
                .contains(";1500,00;0,00;payments").contains(";120,00;0,00;allocations").contains("02/03/2026");

        // The exported file is a FEC that Encaisse (and accounting software) reads back: balanced entries, valid fields.
        mvc.perform(multipart("/api/v1/imports/fec?dryRun=true")
                        .file(new MockMultipartFile("file", "export.txt", "text/plain", export(t, "fec")))
                        .header("X-API-Key", t.apiKey()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.errorCount").value(0))
                .andExpect(jsonPath("$.encoding").value("ISO-8859-15"));
    }

    @Test
    void what_came_from_the_books_is_not_exported_back_but_an_allocation_made_in_encaisse_is() throws Exception {
        var t = newTenant();
        mvc.perform(multipart("/api/v1/imports/fec").file(new MockMultipartFile("file", "books.txt", "text/plain",
                        FecImportContract.resource(FecImportContract.V1))).header("X-API-Key", t.apiKey()))
                .andExpect(status().isOk());
        assertThat(lines(export(t, "fec"))).isEmpty();

        // The accountant left Dupont's cheque unlettered; in Encaisse it goes to F004 rather than F003.
        Debtor dupont = as(t, () -> ledger.debtorByReference("411DUPONT")).orElseThrow();
        Payment cheque = as(t, () -> ledger.payments(dupont.id(), 10, null).items()).get(0);
        for (Allocation a : as(t, () -> ledger.allocationsOfPayment(cheque.id()))) {
            TenantContext.runAs(t.id(), "test", () -> ledger.reverseAllocation(a.id()));
        }
        Invoice f004 = as(t, () -> ledger.invoiceByNumber("F004")).orElseThrow();
        as(t, () -> ledger.allocatePayment(cheque.id(), f004.id(), new BigDecimal("1000.00")));

        assertThat(lines(export(t, "fec"))).containsExactly(
                "OD 1 | 411DUPONT  | CHQ 4455 acompte F003 | 1000,00 | 0,00",
                "OD 1 | 411DUPONT  | F004 | 0,00 | 1000,00");
    }

    @Test
    void the_export_uses_the_tenant_accounts_and_refuses_a_bad_request() throws Exception {
        var t = newTenant();
        putAs(t, "/api/v1/imports/settings", """
                {"defaultTermDays":30,"customerAccountPrefix":"411","customerAccount":"411100","bankAccount":"512200",
                 "suspenseAccount":"471100","bankJournal":"BNP","miscJournal":"ODE"}""").andExpect(status().isOk());
        Debtor c1 = as(t, () -> ledger.createDebtor(new DebtorDraft("C1", "Client Un SAS", null, null, null, DebtorKind.B2B, null,
                null, null, "fr", List.of())));
        as(t, () -> ledger.recordPayment(new PaymentDraft(c1.id(), LocalDate.of(2026, 3, 2), new BigDecimal("10.00"), "EUR",
                PaymentMethod.CHECK, null, List.of())));
        assertThat(lines(export(t, "fec"))).hasSize(2).allMatch(l -> l.startsWith("BNP 1 | 512200") || l.startsWith("BNP 1 | 411100 C1"));

        getAs(t, "/api/v1/exports/accounting?from=2026-03-01&to=2026-03-31&format=xml")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("format"));
        getAs(t, "/api/v1/exports/accounting?from=2026-03-31&to=2026-03-01")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("to"));
        getAs(t, "/api/v1/exports/accounting?from=2026-01-01&to=2027-06-30")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("to"));
        getAs(t, "/api/v1/exports/accounting?to=2026-03-01").andExpect(status().isBadRequest());
        putAs(t, "/api/v1/imports/settings", """
                {"defaultTermDays":400,"customerAccountPrefix":"411","customerAccount":"401000","bankAccount":"512",
                 "suspenseAccount":"471000","bankJournal":"BQ","miscJournal":"OD"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("defaultTermDays", "customerAccount")));
    }

    private static InvoiceDraft invoice(Debtor d, String number, String total) {
        BigDecimal incl = new BigDecimal(total);
        BigDecimal excl = incl.divide(new BigDecimal("1.2"), 2, java.math.RoundingMode.HALF_UP);
        return new InvoiceDraft(d.id(), number, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3), null, "EUR", excl,
                incl.subtract(excl), incl, null);
    }
}
