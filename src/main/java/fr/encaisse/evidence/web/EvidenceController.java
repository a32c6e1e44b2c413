package fr.encaisse.evidence.web;

import fr.encaisse.evidence.ChainVerification;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.evidence.EvidenceEntry;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evidence")
class EvidenceController {

    private final Evidence evidence;

    EvidenceController(Evidence evidence) {
        this.evidence = evidence;
    }

    /** The journal entries about one debtor, invoice, payment… in order. */
    @GetMapping
    List<EvidenceEntry> forSubject(@RequestParam UUID subjectId) {
        return evidence.forSubject(subjectId);
    }

    /** Recomputes the tenant's whole chain; any altered, deleted or cut row shows as a break. */
    @GetMapping("/verification")
    ChainVerification verify() {
        return evidence.verify();
    }
}
