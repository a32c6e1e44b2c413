package fr.encaisse.sepa;

import static fr.encaisse.sepa.Target2Calendar.addBusinessDays;
import static fr.encaisse.sepa.Target2Calendar.isBusinessDay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Target2CalendarTest {

    private static final CollectionDates RULES = CollectionDates.RULEBOOK;

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2000,2000-04-23", "2008,2008-03-23", "2011,2011-04-24", "2019,2019-04-21", "2024,2024-03-31",
            "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25", "2285,2285-03-22"})
    void easter_sunday_follows_the_gregorian_computus(int year, LocalDate easter) {
        assertThat(Target2Calendar.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void the_six_target2_holidays_of_2025() {
        assertThat(Target2Calendar.holidays(2025)).containsExactly(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21),
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26));
    }

    @Test
    void french_public_holidays_that_are_not_target2_holidays_are_business_days() {
        assertThat(isBusinessDay(LocalDate.of(2025, 5, 8))).as("8 May 2025").isTrue();
        assertThat(isBusinessDay(LocalDate.of(2025, 7, 14))).as("14 July 2025").isTrue();
        assertThat(isBusinessDay(LocalDate.of(2025, 12, 31))).as("31 December 2025").isTrue();
    }

    @Test
    void a_collection_requested_on_1_may_moves_to_the_next_business_day() {
        assertThat(RULES.collectionDate(LocalDate.of(2025, 5, 1))).isEqualTo(LocalDate.of(2025, 5, 2));
        // 1 May 2026 is a Friday: over the weekend to Monday
        assertThat(RULES.collectionDate(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void a_collection_requested_on_good_friday_skips_the_weekend_and_easter_monday() {
        assertThat(RULES.collectionDate(LocalDate.of(2025, 4, 18))).isEqualTo(LocalDate.of(2025, 4, 22));
        assertThat(RULES.collectionDate(LocalDate.of(2025, 4, 21))).isEqualTo(LocalDate.of(2025, 4, 22));
        assertThat(RULES.collectionDate(LocalDate.of(2024, 3, 29))).isEqualTo(LocalDate.of(2024, 4, 2));
    }

    @Test
    void a_collection_requested_at_christmas_skips_25_and_26_december_and_the_weekend() {
        assertThat(RULES.collectionDate(LocalDate.of(2025, 12, 25))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Target2Calendar.nextBusinessDay(LocalDate.of(2025, 12, 24))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(RULES.collectionDate(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void a_collection_requested_on_a_weekend_moves_to_monday() {
        assertThat(RULES.collectionDate(LocalDate.of(2025, 6, 7))).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(RULES.collectionDate(LocalDate.of(2025, 6, 10))).isEqualTo(LocalDate.of(2025, 6, 10));
    }

    @Test
    void the_file_is_due_one_business_day_before_the_collection() {
        // collection Tuesday after Easter: D-1 is the Thursday before Good Friday
        assertThat(RULES.latestSubmissionDate(LocalDate.of(2025, 4, 22), Scheme.CORE)).isEqualTo(LocalDate.of(2025, 4, 17));
        assertThat(RULES.latestSubmissionDate(LocalDate.of(2025, 4, 22), Scheme.B2B)).isEqualTo(LocalDate.of(2025, 4, 17));
        // collection on 2 January: 31 December is open, 1 January closed
        assertThat(RULES.latestSubmissionDate(LocalDate.of(2026, 1, 2), Scheme.CORE)).isEqualTo(LocalDate.of(2025, 12, 31));
        // a requested date on a closed day is first moved: 1 May 2025 → 2 May, D-1 = 30 April
        assertThat(RULES.latestSubmissionDate(LocalDate.of(2025, 5, 1), Scheme.CORE)).isEqualTo(LocalDate.of(2025, 4, 30));
    }

    @Test
    void the_bank_cut_off_adds_business_days() {
        CollectionDates withCutOff = RULES.withBankCutOffDays(2);
        assertThat(withCutOff.latestSubmissionDate(LocalDate.of(2025, 4, 22), Scheme.CORE))
                .isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(withCutOff.earliestCollectionDate(LocalDate.of(2025, 4, 15), Scheme.CORE))
                .isEqualTo(LocalDate.of(2025, 4, 22));
    }

    @Test
    void the_earliest_collection_after_a_submission() {
        assertThat(RULES.earliestCollectionDate(LocalDate.of(2025, 12, 24), Scheme.CORE)).isEqualTo(LocalDate.of(2025, 12, 29));
        // sent on a Saturday: counts from Monday
        assertThat(RULES.earliestCollectionDate(LocalDate.of(2025, 12, 27), Scheme.CORE)).isEqualTo(LocalDate.of(2025, 12, 30));
    }

    @Test
    void a_collection_may_not_be_submitted_more_than_14_calendar_days_ahead() {
        assertThat(RULES.earliestSubmissionDate(LocalDate.of(2025, 5, 2))).isEqualTo(LocalDate.of(2025, 4, 18));
        assertThat(RULES.canSubmit(LocalDate.of(2025, 4, 17), LocalDate.of(2025, 5, 2), Scheme.CORE)).isFalse();
        assertThat(RULES.canSubmit(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 2), Scheme.CORE)).isTrue();
        assertThat(RULES.canSubmit(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 2), Scheme.CORE)).isFalse();
    }

    @Test
    void easter_is_always_a_sunday_between_22_march_and_25_april() {
        for (int year = 1900; year <= 2400; year++) {
            LocalDate easter = Target2Calendar.easterSunday(year);
            assertThat(easter.getDayOfWeek()).as("Easter %d", year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        }
    }

    @Test
    void every_year_has_its_six_holidays_closed_and_between_252_and_260_business_days() {
        for (int year = 2000; year <= 2100; year++) {
            assertThat(Target2Calendar.holidays(year)).hasSize(6).noneMatch(Target2Calendar::isBusinessDay);
            long open = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                    .filter(Target2Calendar::isBusinessDay).count();
            assertThat(open).as("business days in %d", year).isBetween(252L, 260L);
        }
    }

    @Test
    void a_moved_collection_date_is_the_first_business_day_on_or_after_the_request_every_day_of_a_century() {
        for (LocalDate requested = LocalDate.of(2000, 1, 1); requested.getYear() < 2100; requested = requested.plusDays(1)) {
            LocalDate collection = RULES.collectionDate(requested);
            assertThat(isBusinessDay(collection)).isTrue();
            assertThat(collection).isAfterOrEqualTo(requested);
            assertThat(requested.datesUntil(collection)).noneMatch(Target2Calendar::isBusinessDay);
        }
    }

    @ParameterizedTest(name = "{0} business days")
    @ValueSource(ints = {-30, -5, -1, 0, 1, 2, 5, 30})
    void adding_business_days_counts_only_business_days_and_can_be_undone(int days) {
        for (LocalDate d = LocalDate.of(2020, 1, 1); d.getYear() < 2031; d = d.plusDays(1)) {
            LocalDate day = Target2Calendar.businessDayOnOrAfter(d);
            LocalDate moved = addBusinessDays(day, days);
            assertThat(isBusinessDay(moved)).isTrue();
            assertThat(addBusinessDays(moved, -days)).as("from %s", day).isEqualTo(day);
            LocalDate from = days >= 0 ? day : moved;
            LocalDate to = days >= 0 ? moved : day;
            assertThat(from.datesUntil(to).filter(Target2Calendar::isBusinessDay).count()).isEqualTo(Math.abs(days));
        }
    }
}
