package fr.encaisse.portal.web;

import fr.encaisse.portal.PortalLink;
import fr.encaisse.portal.PortalLinks;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A credit manager hands a debtor its portal link (the live one, or a new one), or withdraws it. */
@RestController
@RequestMapping("/api/v1/debtors/{id}/portal-link")
class PortalLinkController {

    private final PortalLinks links;

    PortalLinkController(PortalLinks links) {
        this.links = links;
    }

    @PostMapping
    PortalLink issue(@PathVariable UUID id) {
        return links.issue(id);
    }

    /** Every live link of the debtor stops working at once. */
    @DeleteMapping
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        links.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
