package fr.encaisse.law;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Locale;

import static fr.encaisse.law.Fixtures.LAW;
import static fr.encaisse.law.Fixtures.day;
import static fr.encaisse.law.Fixtures.eur;
import static fr.encaisse.law.Fixtures.invoice;
import static fr.encaisse.law.Fixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateTableTest {

    private static final RateTable BUNDLED = RateTable.bundled();

    @Test
    void the_bundled_table_covers_2010_to_the_first_half_of_2026_and_not_beyond() {
        assertThat(BUNDLED.firstCovered()).isEqualTo(HalfYear.parse("2010-S1"));
        assertThat(BUNDLED.lastCovered()).isEqualTo(HalfYear.parse("2026-S1"));
        assertThat(BUNDLED.covers(HalfYear.parse("2026-S2"))).isFalse();
        assertThat(BUNDLED.halfYears()).hasSize(33);
    }

    @Test
    void the_bundled_table_matches_the_domain_figures() {
        var s1 = BUNDLED.ratesFor(HalfYear.parse("2024-S1"));
        assertThat(s1.ecbRatePercent()).isEqualByComparingTo("4.50");
        assertThat(s1.defaultPenaltyRate()).isEqualByComparingTo("14.50");
        assertThat(s1.contractRateFloor()).isEqualByComparingTo("15.21"); // above the default rate
        assertThat(s1.legalRateIndividuals()).isEqualByComparingTo("8.01");

        var h2026 = BUNDLED.ratesFor(HalfYear.parse("2026-S1"));
        assertThat(h2026.ecbRatePercent()).isEqualByComparingTo("2.15");
        assertThat(h2026.legalRateOthers()).isEqualByComparingTo("2.62");
        assertThat(h2026.legalRateIndividuals()).isEqualByComparingTo("6.67");
        assertThat(h2026.publicBuyerRate()).isEqualByComparingTo("10.15");
    }

    @Test
    void the_ecb_history_gives_the_rate_in_force_on_any_day() {
        assertThat(BUNDLED.ecbRateOn(day("2011-07-12"))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1.25"));
        assertThat(BUNDLED.ecbRateOn(day("2011-07-13"))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("1.50"));
        assertThat(BUNDLED.ecbRateOn(day("2022-07-01"))).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.00"));
        assertThat(BUNDLED.ecbRateOn(day("2009-01-01"))).isEmpty();
    }

    @Test
    void a_table_reloads_from_its_own_text_from_a_string_or_a_reader() {
        String text = BUNDLED.toText();

        assertThat(RateTable.parse(text)).isEqualTo(BUNDLED);
        assertThat(RateTable.parse(new StringReader(text))).isEqualTo(BUNDLED);
    }

    @Test
    void an_as_of_date_beyond_the_table_is_a_clear_error_naming_the_half_year() {
        var late = invoice("F-30", "2026-06-30", "1000.00");

        assertThatThrownBy(() -> LAW.statement(late, PenaltyTerms.professional(), day("2026-07-31")))
                .isInstanceOfSatisfying(RateNotAvailableException.class,
                        e -> assertThat(e.halfYear()).isEqualTo(HalfYear.parse("2026-S2")))
                .hasMessageContaining("2026-S2").hasMessageContaining("2010-S1 to 2026-S1")
                .hasMessageContaining("LAST_KNOWN_RATE");
    }

    @Test
    void the_explicit_last_known_rate_fallback_prices_the_uncovered_half_year_and_is_flagged() {
        // 1 000.00 due 30/06/2026, as of 31/07/2026: 31 days in 2026-S2, priced at 2026-S1 (2.15 + 10 = 12.15 %).
        // 1 000 × 12.15 % × 31 / 365 = 3 766.5 / 365 = 10.319178 → 10.32, flagged as fallback.
        var s = LAW.statement(invoice("F-31", "2026-06-30", "1000.00"),
                PenaltyTerms.professional().withMissingRatePolicy(MissingRatePolicy.LAST_KNOWN_RATE), day("2026-07-31"));

        assertThat(s.interest()).isEqualTo(eur("10.32"));
        assertThat(s.usesFallbackRates()).isTrue();
        assertThat(s.periods()).singleElement().satisfies(p -> {
            assertThat(p.fallback()).isTrue();
            assertThat(p.rateHalfYear()).isEqualTo(HalfYear.parse("2026-S1"));
        });
        assertThat(s.remarks()).contains(Remark.FALLBACK_RATES_USED);
        assertThat(plain(s.explain(Locale.FRENCH))).contains("TAUX DE REPLI : taux du 1er semestre 2026 appliqués "
                + "faute de taux chargés pour le 2e semestre 2026", "10,32 €");
        assertThat(s.explain(Locale.ENGLISH)).contains("FALLBACK RATE: rates of the first half of 2026 used, "
                + "no rates loaded for the second half of 2026", "€10.32");
    }

    @Test
    void the_fallback_never_invents_rates_before_the_table() {
        var old = invoice("F-32", "2009-10-31", "1000.00");

        assertThatThrownBy(() -> LAW.statement(old,
                PenaltyTerms.professional().withMissingRatePolicy(MissingRatePolicy.LAST_KNOWN_RATE), day("2010-01-31")))
                .isInstanceOf(RateNotAvailableException.class).hasMessageContaining("2009-S2");
    }

    @Test
    void a_settled_invoice_needs_no_rates_for_later_half_years() {
        // Paid 10 days late in 2025; a statement as of 2030 still prices only those 10 days.
        // 10 d × 1 000 × 13.15 % / 365 = 1 315 / 365 = 3.602740 → 3.60
        var s = LAW.statement(invoice("F-33", "2025-01-31", "1000.00").withPayment(day("2025-02-10"), eur("1000.00")),
                PenaltyTerms.professional(), day("2030-01-01"));

        assertThat(s.interest()).isEqualTo(eur("3.60"));
    }

    @Test
    void an_operator_can_load_a_new_half_year_at_run_time() {
        // Test figures only (not real rates): 2026-S2 with the ECB rate unchanged at 2.15.
        var updated = RateTable.parse(BUNDLED.toText() + "half-year;2026-S2;2.15;6.00;2.50;test figures\n");
        var law = LAW.withRates(updated);

        var s = law.statement(invoice("F-34", "2026-06-30", "1000.00"), PenaltyTerms.professional(), day("2026-07-31"));
        assertThat(s.usesFallbackRates()).isFalse();
        assertThat(s.interest()).isEqualTo(eur("10.32")); // 12.15 % as computed above, now from 2026-S2
        assertThat(LAW.rates().covers(HalfYear.parse("2026-S2"))).isFalse(); // the old instance is unchanged
    }

    @Test
    void a_half_year_whose_ecb_rate_contradicts_the_history_is_rejected() {
        // An ECB cut to 1.90 in 2026-S2 entered without its 'ecb' line.
        assertThatThrownBy(() -> RateTable.parse(BUNDLED.toText() + "half-year;2026-S2;1.90;6.00;2.50;\n"))
                .isInstanceOf(RateTableFormatException.class)
                .hasMessageContaining("2026-S2").hasMessageContaining("2.15");

        var fixed = RateTable.parse(BUNDLED.toText() + "ecb;2026-06-10;1.90\nhalf-year;2026-S2;1,90;6,00;2,50;\n");
        assertThat(fixed.ratesFor(HalfYear.parse("2026-S2")).defaultPenaltyRate()).isEqualByComparingTo("11.90");
    }

    @Test
    void malformed_rate_files_are_rejected_with_the_line_number() {
        String ok = "ecb;2009-05-13;1.00\n";
        assertThatThrownBy(() -> RateTable.parse(ok + "half-year;2010-S1;1.00;0.65\n"))
                .isInstanceOfSatisfying(RateTableFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> RateTable.parse(ok + "ecb;13/05/2011;1.25\n")).hasMessageContaining("line 2")
                .hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> RateTable.parse(ok + "taux;2010-S1\n")).hasMessageContaining("unknown record type");
        assertThatThrownBy(() -> RateTable.parse(ok + "half-year;2010-S3;1.00;0.65;0.65\n")).hasMessageContaining("2010-S3");
        assertThatThrownBy(() -> RateTable.parse(ok + "half-year;2010-S1;1.00;abc;0.65\n")).hasMessageContaining("abc");
        assertThatThrownBy(() -> RateTable.parse(ok)).hasMessageContaining("no half-year");
        assertThatThrownBy(() -> RateTable.parse(ok + "half-year;2010-S1;1.00;0.65;0.65\nhalf-year;2011-S1;1.00;0.38;0.38\n"))
                .hasMessageContaining("contiguous").hasMessageContaining("2010-S2");
        assertThatThrownBy(() -> RateTable.parse(ok + "half-year;2010-S1;1.00;0.65;0.65\nhalf-year;2010-S1;1.00;0.65;0.65\n"))
                .hasMessageContaining("duplicate");
    }
}
