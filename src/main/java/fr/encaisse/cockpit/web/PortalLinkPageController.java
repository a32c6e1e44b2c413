package fr.encaisse.cockpit.web;

import fr.encaisse.portal.PortalLink;
import fr.encaisse.portal.PortalLinks;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The debtor page's portal-link buttons: the same {@link PortalLinks} calls as the REST API, so the
 * same reuse rule and the same evidence entries; a viewer is refused like every other write on the page.
 */
@Controller
class PortalLinkPageController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PortalLinks links;
    private final Tenants tenants;

    PortalLinkPageController(PortalLinks links, Tenants tenants) {
        this.links = links;
        this.tenants = tenants;
    }

    @PostMapping("/debtors/{id}/portal-link")
    String issue(@PathVariable UUID id, RedirectAttributes flash) {
        if (Writers.canWrite()) {
            PortalLink link = links.issue(id);
            String until = link.expiresAt().atZone(tenants.get(TenantContext.tenantId()).timeZone()).format(DAY);
            flash.addFlashAttribute("info", "Lien du portail prêt, valable jusqu'au " + until + " : à copier ci-dessous.");
        } else {
            flash.addFlashAttribute("error", Writers.REFUSED);
        }
        return "redirect:/debtors/" + id + "#portal";
    }

    @PostMapping("/debtors/{id}/portal-link/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes flash) {
        if (Writers.canWrite()) {
            int revoked = links.revoke(id);
            flash.addFlashAttribute("info", revoked == 0 ? "Aucun lien du portail actif."
                    : "Lien du portail révoqué : il ne s'ouvre plus.");
        } else {
            flash.addFlashAttribute("error", Writers.REFUSED);
        }
        return "redirect:/debtors/" + id + "#portal";
    }
}
