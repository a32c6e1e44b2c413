package fr.encaisse.dunning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrenchBusinessDaysTest {

    private final FrenchBusinessDays days = new FrenchBusinessDays();

    @Test
    void weekends_and_french_public_holidays_are_not_business_days() {
        assertThat(days.isBusinessDay(LocalDate.of(2026, 5, 1))).as("1 May").isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 5, 14))).as("Ascension 2026").isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 5, 25))).as("Whit Monday 2026").isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 7, 14))).as("14 July").isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 5, 2))).as("Saturday").isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 5, 4))).as("Monday").isTrue();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 12, 26))).as("26 Dec is Alsace-Moselle only, and a Saturday").isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2025, 12, 26))).as("26 Dec 2025, a Friday, is worked in most of France").isTrue();
    }

    @Test
    void a_date_moves_to_the_next_business_day_across_holidays_and_weekends() {
        // Friday 1 May 2026 (holiday) → Monday 4 May; Friday 8 May (holiday) → Monday 11 May.
        assertThat(days.onOrAfter(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(days.onOrAfter(LocalDate.of(2026, 5, 8))).isEqualTo(LocalDate.of(2026, 5, 11));
        // Thursday 31 December 2026 is worked; Friday 1 January 2027 is not → Monday 4 January.
        assertThat(days.onOrAfter(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(days.onOrAfter(LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 4));
        // Easter Monday 2027 is 29 March.
        assertThat(days.onOrAfter(LocalDate.of(2027, 3, 27))).isEqualTo(LocalDate.of(2027, 3, 30));
    }

    @Test
    void the_fast_path_agrees_with_a_plain_day_walk_over_jollyday_for_thirty_years() {
        HolidayManager france = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
        for (LocalDate d = LocalDate.of(2010, 1, 1); d.isBefore(LocalDate.of(2040, 1, 1)); d = d.plusDays(1)) {
            LocalDate walk = d;
            while (walk.getDayOfWeek().getValue() >= 6 || france.isHoliday(walk)) {
                walk = walk.plusDays(1);
            }
            assertThat(days.onOrAfter(d)).as(d.toString()).isEqualTo(walk);
        }
    }
}
