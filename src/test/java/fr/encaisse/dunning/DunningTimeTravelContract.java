package fr.encaisse.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default French scenario, run every calendar day from D-10 to D+130 of the first invoice, for a
 * debtor with three invoices: the exact contacts, their dates and channels.
 */
abstract class DunningTimeTravelContract extends DunningTestSupport {

    @Test
    void the_default_scenario_from_d_minus_10_to_d_plus_130_for_a_debtor_with_three_invoices() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "TT-1", "B2B", "fr", "ap@client.fr");
        // A and B due Tuesday 28 April 2026, C due Tuesday 12 May 2026.
        invoice(t, debtor, "F-A", "2026-04-28", "1200.00");
        invoice(t, debtor, "F-B", "2026-04-28", "300.00");
        invoice(t, debtor, "F-C", "2026-05-12", "480.00");

        List<String> businessDaysRun = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 4, 18); !day.isAfter(LocalDate.of(2026, 9, 5)); day = day.plusDays(1)) {
            Map<String, Object> report = run(t, day.toString());
            if (Boolean.TRUE.equals(report.get("businessDay"))) {
                businessDaysRun.add(day.toString());
            }
            approveAll(t, day.toString()); // the credit manager clears the review queue every evening
        }

        assertThat(describe(contacts(t, debtor))).containsExactly(
                "2026-04-23 courtesy [EMAIL] RELEASED F-A:courtesy F-B:courtesy",
                // D+3 = Friday 1 May, a public holiday: the following Monday.
                "2026-05-04 reminder [EMAIL] RELEASED F-A:reminder F-B:reminder",
                "2026-05-07 courtesy [EMAIL] RELEASED F-C:courtesy",
                // D+10 = Friday 8 May, a public holiday: the following Monday.
                "2026-05-11 call [CALL_TASK] RELEASED F-A:call F-B:call",
                // D+15 = Wednesday 13 May, two days after the call: waits for the 3-day gap, skips Ascension (14 May),
                // and C's reminder (due that Friday) goes in the same letter.
                "2026-05-15 penalty-letter [LETTER] RELEASED F-A:penalty-letter F-B:penalty-letter F-C:reminder",
                "2026-05-22 call [CALL_TASK] RELEASED F-C:call",
                "2026-05-27 penalty-letter [LETTER] RELEASED F-C:penalty-letter",
                // D+30 = Thursday 28 May, one day after C's letter: the gap takes it to Monday 1 June.
                "2026-06-01 formal-notice [REGISTERED_LETTER, EMAIL] RELEASED F-A:formal-notice F-B:formal-notice",
                "2026-06-11 formal-notice [REGISTERED_LETTER, EMAIL] RELEASED F-C:formal-notice",
                // D+60 = Saturday 27 June → Monday 29 June.
                "2026-06-29 amicable [LETTER, CALL_TASK] RELEASED F-A:amicable F-B:amicable",
                // C's D+60 = Saturday 11 July → Monday 13 July.
                "2026-07-13 amicable [LETTER, CALL_TASK] RELEASED F-C:amicable",
                "2026-08-26 judicial [CALL_TASK] RELEASED F-A:judicial F-B:judicial");
        assertThat(businessDaysRun).doesNotContain("2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
                "2026-05-02", "2026-05-03").contains("2026-05-04", "2026-08-26");

        // C's judicial step is on Wednesday 9 September, after the window.
        String c = numbers.entrySet().stream().filter(e -> e.getValue().equals("F-C")).findFirst().orElseThrow().getKey();
        getAs(t, "/api/v1/dunning/invoices/" + c + "?asOf=2026-09-05")
                .andExpect(jsonPath("$.lastStep").value("amicable"))
                .andExpect(jsonPath("$.nextStep").value("judicial"))
                .andExpect(jsonPath("$.nextStepDate").value("2026-09-09"))
                .andExpect(jsonPath("$.history.length()").value(6));
    }

    @Test
    void a_run_that_did_not_happen_is_caught_up_step_by_step_once() throws Exception {
        var t = newTenant();
        String debtor = debtor(t, "CU-1", "B2B", "fr", "ap@client.fr");
        invoice(t, debtor, "F-1", "2026-03-02", "100.00");
        // Down from before D-5 until Monday 16 March (D+14): nothing ran.
        for (LocalDate day = LocalDate.of(2026, 3, 16); !day.isAfter(LocalDate.of(2026, 4, 3)); day = day.plusDays(1)) {
            run(t, day.toString());
            run(t, day.toString()); // a second run the same day finds nothing more to do
            approveAll(t, day.toString());
        }
        // An old date re-run afterwards does nothing either.
        run(t, "2026-03-10");
        assertThat(describe(contacts(t, debtor))).containsExactly(
                "2026-03-16 reminder [EMAIL] RELEASED F-1:reminder",
                "2026-03-19 call [CALL_TASK] RELEASED F-1:call",
                "2026-03-23 penalty-letter [LETTER] RELEASED F-1:penalty-letter",
                "2026-04-01 formal-notice [REGISTERED_LETTER, EMAIL] RELEASED F-1:formal-notice");
    }
}
