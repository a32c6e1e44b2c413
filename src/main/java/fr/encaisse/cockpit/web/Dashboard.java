package fr.encaisse.cockpit.web;

import fr.encaisse.cockpit.internal.CashInForecasts;
import fr.encaisse.cockpit.internal.DayList;
import fr.encaisse.cockpit.internal.DsoReport;
import fr.encaisse.ledger.Receivables;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** What the overview page and the cockpit API both read: each figure at a date, today by default. */
@Component
class Dashboard {

    final Receivables receivables;
    final DsoReport dso;
    final CashInForecasts forecasts;
    final DayList dayList;
    private final Tenants tenants;

    Dashboard(Receivables receivables, DsoReport dso, CashInForecasts forecasts, DayList dayList, Tenants tenants) {
        this.receivables = receivables;
        this.dso = dso;
        this.forecasts = forecasts;
        this.dayList = dayList;
        this.tenants = tenants;
    }

    LocalDate today() {
        return tenants.today(TenantContext.tenantId());
    }

    LocalDate dateOr(LocalDate asOf) {
        return asOf != null ? asOf : today();
    }

    AgingViews.DebtorPage debtors(LocalDate asOf, int limit, int offset) {
        if (limit < 1 || limit > 200) {
            throw InvalidInputException.of("limit", "must be between 1 and 200, was " + limit);
        }
        if (offset < 0) {
            throw InvalidInputException.of("offset", "must be 0 or more, was " + offset);
        }
        return AgingViews.DebtorPage.of(asOf, receivables.agingByDebtor(asOf, limit + 1, offset), limit, offset);
    }
}
