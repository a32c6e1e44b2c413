package fr.encaisse.cockpit.web;

import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overview page: the day's work, the aging balance with the most overdue debtors, DSO and the
 * cash-in forecast, then the tenant's debtors with their balances and the most overdue invoices.
 */
@Controller
class CockpitController {

    private static final int TOP_DEBTORS = 10;

    private final Ledger ledger;
    private final Tenants tenants;
    private final Dashboard dashboard;

    CockpitController(Ledger ledger, Tenants tenants, Dashboard dashboard) {
        this.ledger = ledger;
        this.tenants = tenants;
        this.dashboard = dashboard;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
                    @RequestParam(required = false) String invoicesAfter,
                    @RequestParam(defaultValue = "0") int agingOffset, Model model) {
        var tenantId = TenantContext.tenantId();
        LocalDate today = tenants.today(tenantId);
        model.addAttribute("tenant", tenants.get(tenantId));
        model.addAttribute("today", today);
        model.addAttribute("dayItems", dashboard.dayList.on(today));
        model.addAttribute("aging", AgingViews.Overall.of(dashboard.receivables.aging(today)));
        model.addAttribute("agingDebtors", dashboard.debtors(today, TOP_DEBTORS, agingOffset));
        model.addAttribute("dso", dashboard.dso.at(today, 90));
        var forecast = dashboard.forecasts.forecast(today, 8);
        model.addAttribute("forecast", forecast);
        model.addAttribute("forecastBars", ForecastBars.of(forecast));
        model.addAttribute("actor", TenantContext.actor());
        model.addAttribute("q", q);
        model.addAttribute("debtors", ledger.debtors(q, 50, after));
        model.addAttribute("overdue", ledger.invoices(new InvoiceQuery(null, null, null, null, true, 50, invoicesAfter)));
        return "overview";
    }
}
