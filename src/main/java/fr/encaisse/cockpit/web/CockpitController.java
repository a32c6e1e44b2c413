package fr.encaisse.cockpit.web;

import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The overview page: the tenant's debtors with their balances, and the most overdue invoices. */
@Controller
class CockpitController {

    private final Ledger ledger;
    private final Tenants tenants;

    CockpitController(Ledger ledger, Tenants tenants) {
        this.ledger = ledger;
        this.tenants = tenants;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
                    @RequestParam(required = false) String invoicesAfter, Model model) {
        var tenantId = TenantContext.tenantId();
        model.addAttribute("tenant", tenants.get(tenantId));
        model.addAttribute("today", tenants.today(tenantId));
        model.addAttribute("actor", TenantContext.actor());
        model.addAttribute("q", q);
        model.addAttribute("debtors", ledger.debtors(q, 50, after));
        model.addAttribute("overdue", ledger.invoices(new InvoiceQuery(null, null, null, null, true, 50, invoicesAfter)));
        return "overview";
    }
}
