package fr.encaisse.cockpit.web;

import fr.encaisse.cockpit.internal.DayItem;
import fr.encaisse.cockpit.internal.DsoFigures;
import fr.encaisse.ledger.Bucket;
import fr.encaisse.ledger.CashInForecast;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit manager's dashboard as JSON: aging balance, DSO, cash-in forecast and the day's work.
 * {@code asOf} defaults to today in the tenant's time zone. See docs/cockpit.md for the definitions.
 */
@RestController
@RequestMapping("/api/v1/cockpit")
class CockpitApiController {

    static final String FORECAST_METHOD = "Each open invoice is expected on its due date plus its debtor's average payment"
            + " delay (days between due date and settlement of the invoices it settled in the 365 days before asOf,"
            + " weighted by amount, rounded to whole days); debtors with no settled invoice take the tenant's average"
            + " (tenantDelayDays), 0 when nothing was settled. Week i runs from asOf + 7i for 7 days; overdueExpected"
            + " is what was expected before asOf and is still open; invoices under an open dispute (or of a debtor"
            + " disputing the whole account) are left out and shown in held.";

    private final Dashboard dashboard;

    CockpitApiController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/aging")
    AgingViews.Overall aging(@RequestParam(required = false) LocalDate asOf) {
        return AgingViews.Overall.of(dashboard.receivables.aging(dashboard.dateOr(asOf)));
    }

    @GetMapping("/aging/debtors")
    AgingViews.DebtorPage agingByDebtor(@RequestParam(required = false) LocalDate asOf,
                                        @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        return dashboard.debtors(dashboard.dateOr(asOf), limit, offset);
    }

    @GetMapping("/dso")
    DsoFigures dso(@RequestParam(required = false) LocalDate asOf, @RequestParam(defaultValue = "90") int days) {
        return dashboard.dso.at(dashboard.dateOr(asOf), days);
    }

    record ForecastView(LocalDate asOf, String method, int tenantDelayDays, Bucket overdueExpected,
                        List<CashInForecast.Week> weeks, Bucket later, Bucket held) {
    }

    @GetMapping("/forecast")
    ForecastView forecast(@RequestParam(required = false) LocalDate asOf, @RequestParam(defaultValue = "8") int weeks) {
        CashInForecast f = dashboard.forecasts.forecast(dashboard.dateOr(asOf), weeks);
        return new ForecastView(f.asOf(), FORECAST_METHOD, f.tenantDelayDays(), f.overdueExpected(), f.weeks(), f.later(), f.held());
    }

    record TodayView(LocalDate date, List<DayItem> items) {
    }

    @GetMapping("/today")
    TodayView today() {
        LocalDate today = dashboard.today();
        return new TodayView(today, dashboard.dayList.on(today));
    }
}
