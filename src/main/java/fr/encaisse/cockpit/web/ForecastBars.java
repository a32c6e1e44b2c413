package fr.encaisse.cockpit.web;

import fr.encaisse.ledger.Bucket;
import fr.encaisse.ledger.CashInForecast;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The forecast as rows of a CSS bar chart: each bar's width is its share of the largest row. */
final class ForecastBars {

    private ForecastBars() {
    }

    /** {@code from}/{@code to} null for the "already expected" and "later" rows. */
    record Bar(String label, LocalDate from, LocalDate to, Bucket expected, int percent) {
    }

    static List<Bar> of(CashInForecast f) {
        List<Bar> rows = new ArrayList<>();
        rows.add(new Bar("Échu, attendu", null, null, f.overdueExpected(), 0));
        int n = 1;
        for (CashInForecast.Week w : f.weeks()) {
            rows.add(new Bar("Semaine " + n++, w.startsOn(), w.endsOn(), w.expected(), 0));
        }
        rows.add(new Bar("Au-delà", null, null, f.later(), 0));
        BigDecimal max = rows.stream().map(b -> b.expected().amount()).reduce(BigDecimal.ZERO, BigDecimal::max);
        return rows.stream().map(b -> new Bar(b.label(), b.from(), b.to(), b.expected(), percent(b.expected().amount(), max)))
                .toList();
    }

    private static int percent(BigDecimal amount, BigDecimal max) {
        return max.signum() == 0 ? 0 : amount.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
    }
}
