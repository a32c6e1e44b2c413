package fr.encaisse.cockpit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.recovery.NewPromise;
import fr.encaisse.support.ApiTestSupport;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The cockpit's figures on a ledger built by hand, every expected figure worked out below. As of
 * A = 2026-06-30 (a Tuesday):
 * <pre>
 * debtor C1 (pays 10 days late: P1 1000 paid 4 days late, P2 3000 paid 12 days late → 40000/4000)
 *   F1 due A+3  1000 open            → forecast A+13: week 1 (07-07..07-13)
 *   F2 due A+10 2000 open, disputed  → held apart
 * debtor C2 (paid P3 1000 two days early: delay −2)
 *   I0 due A 100 (not yet due) · I30 due A−30 200 (1–30) · I31 A−31 300 and I60 A−60 400 (31–60)
 *   I61 A−61 500, 200 paid → 300 (61–90) · I90 A−90 600 (61–90) · I91 A−91 700 (over 90), paid after A
 *   credit note CN1 150 unapplied; everything of C2 is expected before A: "overdue, expected" 2600
 * debtor C3 (no history: the tenant's delay, (4000 + 36000 − 2000) / 5000 = 7.6 → 8 days)
 *   G1 due A−8 800 → A: week 0 · G2 due A−1 900 → A+7: week 1 · G3 due A+50 1100 → A+58: after week 8
 *   G4 issued after A: in nothing
 * </pre>
 */
public abstract class CockpitContract extends ApiTestSupport {

    static final LocalDate A = LocalDate.of(2026, 6, 30);

    @Autowired
    Ledger ledger;

    @Autowired
    Cases cases;

    private TestTenant built() {
        TestTenant t = newTenant();
        TenantContext.runAs(t.id(), "test", () -> {
            UUID c1 = debtor("C1", "Retardataire SA");
            UUID c2 = debtor("C2", "Échelonné SARL");
            UUID c3 = debtor("C3", "Nouveau SAS");
            paid(invoice(c1, "P1", A.minusDays(90), LocalDate.of(2026, 5, 1), "1000"), LocalDate.of(2026, 5, 5), "1000");
            paid(invoice(c1, "P2", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 20), "3000"), LocalDate.of(2026, 6, 1), "3000");
            invoice(c1, "F1", LocalDate.of(2026, 6, 3), A.plusDays(3), "1000");
            UUID f2 = invoice(c1, "F2", LocalDate.of(2026, 6, 10), A.plusDays(10), "2000");
            cases.openDispute(new NewDispute(c1, f2, "Livraison incomplète", A));

            paid(invoice(c2, "P3", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 6, 10), "1000"), LocalDate.of(2026, 6, 8), "1000");
            int[] days = {0, 30, 31, 60, 61, 90, 91};
            String[] amounts = {"100", "200", "300", "400", "500", "600", "700"};
            UUID[] ids = new UUID[days.length];
            for (int i = 0; i < days.length; i++) {
                LocalDate due = A.minusDays(days[i]);
                ids[i] = invoice(c2, "I" + days[i], due.minusDays(30), due, amounts[i]);
            }
            paid(ids[4], LocalDate.of(2026, 6, 15), "200");
            paid(ids[6], A.plusDays(5), "700");
            ledger.issueCreditNote(new CreditNoteDraft(c2, "CN1", LocalDate.of(2026, 6, 20), "EUR", new BigDecimal("125.00"),
                    new BigDecimal("25.00"), new BigDecimal("150.00")));

            invoice(c3, "G1", LocalDate.of(2026, 5, 23), A.minusDays(8), "800");
            invoice(c3, "G2", LocalDate.of(2026, 5, 30), A.minusDays(1), "900");
            invoice(c3, "G3", LocalDate.of(2026, 6, 19), A.plusDays(50), "1100");
            invoice(c3, "G4", A.plusDays(2), A.plusDays(32), "5000");
        });
        return t;
    }

    private UUID debtor(String reference, String name) {
        return ledger.createDebtor(new DebtorDraft(reference, name, null, null, null, DebtorKind.B2B, null, null, null, "fr",
                List.of())).id();
    }

    private UUID invoice(UUID debtor, String number, LocalDate issued, LocalDate due, String incl) {
        BigDecimal total = new BigDecimal(incl).setScale(2);
        BigDecimal excl = total.divide(new BigDecimal("1.2"), 2, RoundingMode.HALF_UP);
        Invoice i = ledger.issueInvoice(new InvoiceDraft(debtor, number, issued, due, null, "EUR", excl, total.subtract(excl),
                total, null));
        return i.id();
    }

    private void paid(UUID invoice, LocalDate on, String amount) {
        UUID debtor = ledger.invoice(invoice).debtorId();
        ledger.recordPayment(new PaymentDraft(debtor, on, new BigDecimal(amount), "EUR", PaymentMethod.TRANSFER, "VIR",
                List.of(new PaymentDraft.Share(invoice, new BigDecimal(amount)))));
    }

    private static void bucket(ResultActions r, String path, double amount, int count) throws Exception {
        r.andExpect(jsonPath(path + ".amount").value(amount)).andExpect(jsonPath(path + ".count").value(count));
    }

    @Test
    void the_aging_balance_puts_each_boundary_day_in_its_bucket_and_shows_credit_notes_apart() throws Exception {
        TestTenant t = built();
        ResultActions r = getAs(t, "/api/v1/cockpit/aging?asOf=2026-06-30").andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-06-30"));
        bucket(r, "$.invoices.notDue", 4200, 4);
        bucket(r, "$.invoices.days1To30", 1900, 3);
        bucket(r, "$.invoices.days31To60", 700, 2);
        bucket(r, "$.invoices.days61To90", 900, 2);
        bucket(r, "$.invoices.over90", 700, 1);
        bucket(r, "$.invoices.overdue", 4200, 8);
        bucket(r, "$.invoices.total", 8400, 12);
        bucket(r, "$.openCreditNotes", 150, 1);
        r.andExpect(jsonPath("$.net").value(8250));
    }

    @Test
    void aging_by_debtor_lists_the_most_overdue_first_page_by_page() throws Exception {
        TestTenant t = built();
        ResultActions first = getAs(t, "/api/v1/cockpit/aging/debtors?asOf=2026-06-30&limit=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].reference", contains("C2", "C3")))
                .andExpect(jsonPath("$.nextOffset").value(2));
        bucket(first, "$.items[0].invoices.notDue", 100, 1);
        bucket(first, "$.items[0].invoices.days1To30", 200, 1);
        bucket(first, "$.items[0].invoices.days31To60", 700, 2);
        bucket(first, "$.items[0].invoices.days61To90", 900, 2);
        bucket(first, "$.items[0].invoices.over90", 700, 1);
        bucket(first, "$.items[0].openCreditNotes", 150, 1);
        bucket(first, "$.items[1].invoices.days1To30", 1700, 2);
        bucket(first, "$.items[1].invoices.total", 2800, 3);
        ResultActions last = getAs(t, "/api/v1/cockpit/aging/debtors?asOf=2026-06-30&limit=2&offset=2")
                .andExpect(jsonPath("$.items[*].reference", contains("C1")))
                .andExpect(jsonPath("$.nextOffset").value(nullValue()));
        bucket(last, "$.items[0].invoices.notDue", 3000, 2);
        bucket(last, "$.items[0].invoices.overdue", 0, 0);
    }

    @Test
    void dso_is_receivables_over_sales_of_the_period_and_the_payment_delay_is_weighted_by_amount() throws Exception {
        TestTenant t = built();
        // Sales after 04-01 up to A: 3000+1000+2000 + 1000+100+200+300 + 800+900+1100 − 150 = 10250 (P1 and I60, issued
        // on 04-01, and G4, issued after A, are out). 8250 / 10250 × 90 = 72.44.
        getAs(t, "/api/v1/cockpit/dso?asOf=2026-06-30").andExpect(status().isOk())
                .andExpect(jsonPath("$.days").value(90))
                .andExpect(jsonPath("$.receivables").value(8250))
                .andExpect(jsonPath("$.sales").value(10250))
                .andExpect(jsonPath("$.dso").value(72.4))
                // P1 +4 ×1000, P2 +12 ×3000, P3 −2 ×1000 → 38000 / 5000; I61 (partly paid) and I91 (paid after A) are out.
                .andExpect(jsonPath("$.last90Days.invoices").value(3))
                .andExpect(jsonPath("$.last90Days.amount").value(5000))
                .andExpect(jsonPath("$.last90Days.averageDaysLate").value(7.6))
                .andExpect(jsonPath("$.previous90Days.invoices").value(0))
                .andExpect(jsonPath("$.previous90Days.averageDaysLate").value(nullValue()));
        // Over 30 days (after 05-31) F1, F2, G3 and CN1: 1000 + 2000 + 1100 − 150 = 3950 (I0, issued on 05-31, is out);
        // 8250 / 3950 × 30 = 62.66.
        getAs(t, "/api/v1/cockpit/dso?asOf=2026-06-30&days=30")
                .andExpect(jsonPath("$.sales").value(3950)).andExpect(jsonPath("$.dso").value(62.7));
    }

    @Test
    void the_forecast_shifts_each_due_date_by_its_debtors_delay_and_holds_disputed_invoices_apart() throws Exception {
        TestTenant t = built();
        ResultActions r = getAs(t, "/api/v1/cockpit/forecast?asOf=2026-06-30").andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantDelayDays").value(8))
                .andExpect(jsonPath("$.weeks", hasSize(8)))
                .andExpect(jsonPath("$.weeks[0].startsOn").value("2026-06-30"))
                .andExpect(jsonPath("$.weeks[0].endsOn").value("2026-07-06"))
                .andExpect(jsonPath("$.weeks[1].startsOn").value("2026-07-07"))
                .andExpect(jsonPath("$.method").isString());
        bucket(r, "$.overdueExpected", 2600, 7);
        bucket(r, "$.weeks[0].expected", 800, 1);
        bucket(r, "$.weeks[1].expected", 1900, 2);
        for (int w = 2; w < 8; w++) {
            bucket(r, "$.weeks[" + w + "].expected", 0, 0);
        }
        bucket(r, "$.later", 1100, 1);
        bucket(r, "$.held", 2000, 1);
    }

    @Test
    void a_tenant_sees_only_its_own_receivables() throws Exception {
        TestTenant busy = built();
        TestTenant other = newTenant();
        TenantContext.runAs(other.id(), "test", () -> {
            UUID d = debtor("C1", "Client de l'autre");
            invoice(d, "F1", A.minusDays(60), A.minusDays(45), "50");
        });
        bucket(getAs(other, "/api/v1/cockpit/aging?asOf=2026-06-30"), "$.invoices.total", 50, 1);
        bucket(getAs(other, "/api/v1/cockpit/aging?asOf=2026-06-30"), "$.openCreditNotes", 0, 0);
        getAs(other, "/api/v1/cockpit/aging/debtors?asOf=2026-06-30").andExpect(jsonPath("$.items[*].legalName",
                contains("Client de l'autre")));
        // The other tenant has no history and no dispute: delay 0, nothing held; G-invoices of the busy tenant absent.
        ResultActions f = getAs(other, "/api/v1/cockpit/forecast?asOf=2026-06-30").andExpect(jsonPath("$.tenantDelayDays").value(0));
        bucket(f, "$.overdueExpected", 50, 1);
        bucket(f, "$.held", 0, 0);
        getAs(other, "/api/v1/cockpit/dso?asOf=2026-06-30").andExpect(jsonPath("$.sales").value(50))
                .andExpect(jsonPath("$.dso").value(90.0)).andExpect(jsonPath("$.last90Days.invoices").value(0));
        getAs(other, "/api/v1/cockpit/dso?asOf=2026-06-30&days=30").andExpect(jsonPath("$.sales").value(0))
                .andExpect(jsonPath("$.dso").value(nullValue()));
        getAs(other, "/api/v1/cockpit/today").andExpect(jsonPath("$.items[?(@.key=='disputes')].count").value(contains(0)));
        bucket(getAs(busy, "/api/v1/cockpit/aging?asOf=2026-06-30"), "$.invoices.total", 8400, 12);
    }

    @Test
    void the_day_list_counts_open_disputes_and_promises_due_today_or_broken() throws Exception {
        TestTenant t = newTenant();
        LocalDate today = tenants.today(t.id());
        TenantContext.runAs(t.id(), "test", () -> {
            UUID d = debtor("C1", "Promesses SA");
            UUID late = invoice(d, "F1", today.minusDays(60), today.minusDays(30), "100");
            UUID settled = invoice(d, "F2", today.minusDays(60), today.minusDays(30), "200");
            paid(settled, today.minusDays(3), "200");
            cases.openDispute(new NewDispute(d, null, "Conteste le compte", today));
            cases.recordPromise(new NewPromise(d, List.of(late), today, null, "payera ce jour"));
            cases.recordPromise(new NewPromise(d, List.of(late), today.minusDays(5), null, "non tenue"));
            cases.recordPromise(new NewPromise(d, List.of(settled), today.minusDays(5), null, "tenue"));
        });
        getAs(t, "/api/v1/cockpit/today").andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(today.toString()))
                .andExpect(jsonPath("$.items[*].key", contains("call-tasks", "dunning-review", "bank-suggested",
                        "bank-unmatched", "disputes", "promises-due", "promises-broken", "dead-letters")))
                .andExpect(jsonPath("$.items[?(@.key=='disputes')].count").value(contains(1)))
                .andExpect(jsonPath("$.items[?(@.key=='promises-due')].count").value(contains(1)))
                .andExpect(jsonPath("$.items[?(@.key=='promises-broken')].count").value(contains(1)))
                .andExpect(jsonPath("$.items[?(@.key=='call-tasks')].count").value(contains(0)))
                .andExpect(jsonPath("$.items[?(@.key=='dead-letters')].link").value(contains("/api/v1/communication/dead-letters")));
        getAs(t, "/api/v1/recovery/promises").andExpect(jsonPath("$", hasSize(3)));
    }

    @Test
    void bad_parameters_are_problems_naming_the_parameter() throws Exception {
        TestTenant t = newTenant();
        // Out of range: 422 like every rule broken in the API; not a date at all: 400.
        getAs(t, "/api/v1/cockpit/dso?days=0").andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        getAs(t, "/api/v1/cockpit/forecast?weeks=27").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("weeks"));
        getAs(t, "/api/v1/cockpit/aging/debtors?limit=0").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        getAs(t, "/api/v1/cockpit/aging?asOf=30/06/2026").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        getAs(t, "/api/v1/cockpit/aging").andExpect(jsonPath("$.asOf").value(tenants.today(t.id()).toString()));
    }
}
