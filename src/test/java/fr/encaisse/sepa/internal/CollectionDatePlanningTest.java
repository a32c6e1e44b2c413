package fr.encaisse.sepa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.sepa.PainVersion;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SepaSettings;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Where planning puts a collection: the due date on a TARGET2 business day, never before it can be announced. */
class CollectionDatePlanningTest {

    private static final SepaSettings RULE = SepaSettings.defaults("FR72ZZZ123456");

    private static LocalDate plan(LocalDate due, LocalDate asOf) {
        return CollectionService.collectionDate(RULE, Scheme.CORE, due, asOf);
    }

    @Test
    void a_due_date_on_a_target2_holiday_or_a_weekend_moves_to_the_next_business_day() {
        LocalDate asOf = LocalDate.of(2025, 3, 1);
        assertThat(plan(LocalDate.of(2025, 5, 1), asOf)).as("Thursday 1 May").isEqualTo(LocalDate.of(2025, 5, 2));
        assertThat(plan(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 3, 1))).as("Friday 1 May 2026, then a weekend")
                .isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(plan(LocalDate.of(2025, 12, 25), asOf)).as("25 and 26 December, then a weekend")
                .isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(plan(LocalDate.of(2025, 4, 18), asOf)).as("Good Friday, Easter Monday").isEqualTo(LocalDate.of(2025, 4, 22));
        assertThat(plan(LocalDate.of(2025, 6, 7), asOf)).as("Saturday").isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(plan(LocalDate.of(2025, 7, 14), asOf)).as("14 July is a TARGET2 business day").isEqualTo(LocalDate.of(2025, 7, 14));
    }

    @Test
    void never_sooner_than_the_pre_notification_period_from_today() {
        LocalDate asOf = LocalDate.of(2025, 6, 2);
        assertThat(plan(LocalDate.of(2025, 6, 3), asOf)).isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(plan(LocalDate.of(2025, 5, 1), asOf)).as("overdue").isEqualTo(LocalDate.of(2025, 6, 16));
        SepaSettings fiveDays = new SepaSettings("FR72ZZZ123456", "ENC", 5, 10, 0, 30, true, PainVersion.V08);
        assertThat(CollectionService.collectionDate(fiveDays, Scheme.B2B, LocalDate.of(2025, 6, 3), asOf))
                .as("a shorter period agreed in the terms of sale").isEqualTo(LocalDate.of(2025, 6, 9));
        SepaSettings cutOff = new SepaSettings("FR72ZZZ123456", "ENC", 1, 10, 3, 30, true, PainVersion.V08);
        assertThat(CollectionService.collectionDate(cutOff, Scheme.CORE, asOf, asOf))
                .as("D-1 plus three days of bank cut-off").isEqualTo(LocalDate.of(2025, 6, 6));
    }
}
