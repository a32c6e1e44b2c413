package fr.encaisse.cockpit.web;

import fr.encaisse.documents.DocumentContent;
import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.Documents;
import fr.encaisse.documents.DossierRequest;
import fr.encaisse.documents.LetterRequest;
import fr.encaisse.documents.RecoveryProcedure;
import fr.encaisse.documents.StoredDocument;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.evidence.EvidenceEntry;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.portal.PortalLinks;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A debtor's page: its open and overdue invoices, the letters and dossiers written for it (to
 * download), buttons to write the next one, the registered-mail record of a formal notice, the
 * registered letters the outbox sent (forms in {@link RegisteredLetterPageController}), the debtor's
 * portal link, and the debtor's timeline from the evidence journal, each document act linked to its document.
 */
@Controller
class DebtorPageController {

    private static final Pattern DOCUMENT_ID = Pattern.compile("\"documentId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private final Ledger ledger;
    private final Documents documents;
    private final Evidence evidence;
    private final Tenants tenants;
    private final PortalLinks portalLinks;
    private final RegisteredLetterRows registeredLetters;

    DebtorPageController(Ledger ledger, Documents documents, Evidence evidence, Tenants tenants, PortalLinks portalLinks,
                         RegisteredLetterRows registeredLetters) {
        this.ledger = ledger;
        this.documents = documents;
        this.evidence = evidence;
        this.tenants = tenants;
        this.portalLinks = portalLinks;
        this.registeredLetters = registeredLetters;
    }

    /** One line of the timeline: a journal entry, and the document it is about when there is one. */
    record TimelineEntry(EvidenceEntry entry, StoredDocument document) {
    }

    @GetMapping("/debtors/{id}")
    String debtor(@PathVariable UUID id, Model model) {
        UUID tenantId = TenantContext.tenantId();
        Debtor debtor = ledger.debtor(id);
        LocalDate today = tenants.today(tenantId);
        List<Invoice> open = new ArrayList<>();
        String cursor = null;
        do {
            var page = ledger.invoices(new InvoiceQuery(null, id, null, null, false, 500, cursor));
            page.items().stream().filter(i -> i.openAmount().signum() > 0).forEach(open::add);
            cursor = page.nextCursor();
        } while (cursor != null && open.size() < 2000);
        List<StoredDocument> docs = documents.ofDebtor(id);
        Map<UUID, StoredDocument> byId = docs.stream().collect(Collectors.toMap(StoredDocument::id, Function.identity()));
        List<TimelineEntry> timeline = evidence.forSubject(id).stream()
                .sorted(Comparator.comparingLong(EvidenceEntry::position).reversed())
                .map(e -> new TimelineEntry(e, documentOf(e, byId))).toList();
        model.addAttribute("tenant", tenants.get(tenantId));
        model.addAttribute("today", today);
        model.addAttribute("actor", TenantContext.actor());
        model.addAttribute("debtor", debtor);
        model.addAttribute("balances", ledger.balances(id));
        model.addAttribute("invoices", open);
        model.addAttribute("documents", docs);
        model.addAttribute("timeline", timeline);
        model.addAttribute("canWrite", Writers.canWrite());
        model.addAttribute("registeredLetters", registeredLetters.ofDebtor(id));
        model.addAttribute("outcomes", RegisteredLetterRows.OUTCOMES);
        model.addAttribute("portalLink", portalLinks.live(id).orElse(null));
        return "debtor";
    }

    private static StoredDocument documentOf(EvidenceEntry e, Map<UUID, StoredDocument> documents) {
        Matcher m = DOCUMENT_ID.matcher(e.details() == null ? "" : e.details());
        return m.find() ? documents.get(UUID.fromString(m.group(1))) : null;
    }

    @PostMapping("/debtors/{id}/letters")
    String letter(@PathVariable UUID id, @RequestParam DocumentKind kind, @RequestParam(required = false) String language,
                  RedirectAttributes flash) {
        return act(id, flash, () -> documents.generateLetter(new LetterRequest(id, kind, null, blankToNull(language), null)));
    }

    @PostMapping("/debtors/{id}/dossier")
    String dossier(@PathVariable UUID id, @RequestParam RecoveryProcedure procedure, RedirectAttributes flash) {
        return act(id, flash, () -> documents.recoveryDossier(DossierRequest.of(id, procedure)));
    }

    @PostMapping("/debtors/{id}/documents/{documentId}/registered-mail")
    String posted(@PathVariable UUID id, @PathVariable UUID documentId, @RequestParam String trackingNumber,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postedOn, RedirectAttributes flash) {
        ownDocument(id, documentId);
        return act(id, flash, () -> documents.recordPosting(documentId, trackingNumber, postedOn));
    }

    @PostMapping("/debtors/{id}/documents/{documentId}/acknowledgement")
    String acknowledged(@PathVariable UUID id, @PathVariable UUID documentId,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn, RedirectAttributes flash) {
        ownDocument(id, documentId);
        return act(id, flash, () -> documents.recordAcknowledgement(documentId, receivedOn));
    }

    @GetMapping("/debtors/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        ownDocument(id, documentId);
        return attachment(documents.content(documentId));
    }

    @GetMapping("/debtors/{id}/invoices/{invoiceId}/facturx")
    ResponseEntity<byte[]> facturX(@PathVariable UUID id, @PathVariable UUID invoiceId) {
        if (!ledger.invoice(invoiceId).debtorId().equals(id)) {
            throw new NotFoundException("Invoice", invoiceId);
        }
        return attachment(documents.content(documents.facturX(invoiceId).id()));
    }

    private void ownDocument(UUID debtorId, UUID documentId) {
        StoredDocument d = documents.document(documentId);
        if (!debtorId.equals(d.debtorId())) {
            throw new NotFoundException("Document", documentId);
        }
    }

    private String act(UUID id, RedirectAttributes flash, Supplier<StoredDocument> action) {
        if (!Writers.canWrite()) {
            flash.addFlashAttribute("error", Writers.REFUSED);
            return "redirect:/debtors/" + id;
        }
        try {
            StoredDocument d = action.get();
            flash.addFlashAttribute("info", d.title() + " — enregistré (SHA-256 " + d.sha256().substring(0, 16) + "…)");
            flash.addFlashAttribute("highlight", d.id());
        } catch (ConflictException | InvalidInputException | RateNotAvailableException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/debtors/" + id + "#documents";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ResponseEntity<byte[]> attachment(DocumentContent c) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName()).build().toString())
                .header("X-Content-SHA256", c.sha256())
                .body(c.bytes());
    }
}
