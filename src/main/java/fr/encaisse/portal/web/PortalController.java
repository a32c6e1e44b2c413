package fr.encaisse.portal.web;

import fr.encaisse.documents.DocumentContent;
import fr.encaisse.documents.Documents;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.portal.internal.AccountView;
import fr.encaisse.portal.internal.DebtorActs;
import fr.encaisse.portal.internal.LinkService;
import fr.encaisse.portal.internal.PortalTexts;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The debtor's pages. Every request starts from the token: unknown, expired and revoked tokens (and
 * anything not of this debtor) get the same bare 404 page; a valid one runs the request as its
 * tenant, with the actor {@code portal:<debtor reference>} written in the evidence journal. An address
 * sending too many bad tokens gets 429 for its next bad ones ({@link GuessLimiter}).
 */
@Controller
@RequestMapping("/portal/{token}")
class PortalController {

    private static final Set<String> DONE = Set.of("promise", "dispute");

    private final LinkService links;
    private final Ledger ledger;
    private final AccountView view;
    private final DebtorActs acts;
    private final Documents documents;
    private final PortalTexts texts;
    private final GuessLimiter guesses;

    PortalController(LinkService links, Ledger ledger, AccountView view, DebtorActs acts, Documents documents,
                     PortalTexts texts, GuessLimiter guesses) {
        this.links = links;
        this.ledger = ledger;
        this.view = view;
        this.acts = acts;
        this.documents = documents;
        this.texts = texts;
        this.guesses = guesses;
    }

    /** Not one word about why: a guesser learns nothing from the answer. */
    static final class UnknownLink extends RuntimeException {
        UnknownLink() {
            super(null, null, false, false);
        }
    }

    /** Too many links that open nothing from one address: it is told when to come back, and nothing else. */
    static final class TooManyGuesses extends RuntimeException {
        final Duration wait;

        TooManyGuesses(Duration wait) {
            super(null, null, false, false);
            this.wait = wait;
        }
    }

    @ExceptionHandler({UnknownLink.class, NotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "portal/not-found";
    }

    @ExceptionHandler(TooManyGuesses.class)
    String tooManyGuesses(TooManyGuesses e, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        // Whole seconds, rounded up: coming back on time must not be one more miss.
        long seconds = Math.max(1, e.wait.plusNanos(999_999_999).getSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return "portal/too-many";
    }

    @GetMapping
    String page(@PathVariable String token, @RequestParam(required = false) String done, CsrfToken csrf, Model model) {
        // The CSRF cookie must be set before the page starts streaming out.
        csrf.getToken();
        return asDebtor(token, debtorId -> show(model, token, debtorId, done != null && DONE.contains(done) ? done : null, List.of(), Map.of()));
    }

    @PostMapping("/promise")
    String promise(@PathVariable String token, @RequestParam(required = false) String promisedOn,
                   @RequestParam(required = false) String amount,
                   @RequestParam(name = "invoiceIds", required = false) List<String> invoiceIds,
                   Model model, HttpServletResponse response) {
        return asDebtor(token, debtorId -> {
            try {
                acts.promise(debtorId, promisedOn, amount, invoiceIds);
                return "redirect:/portal/{token}?done=promise";
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("promisedOn", promisedOn);
                form.put("amount", amount);
                form.put("invoiceIds", invoiceIds == null ? List.of() : invoiceIds);
                return show(model, token, debtorId, null, e.problems(), form);
            }
        });
    }

    @PostMapping("/dispute")
    String dispute(@PathVariable String token, @RequestParam(required = false) String invoiceId,
                   @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        return asDebtor(token, debtorId -> {
            try {
                acts.dispute(debtorId, invoiceId, reason);
                return "redirect:/portal/{token}?done=dispute";
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("disputeInvoiceId", invoiceId);
                form.put("reason", reason);
                return show(model, token, debtorId, null, e.problems(), form);
            }
        });
    }

    @GetMapping("/invoices/{invoiceId}/facturx")
    ResponseEntity<byte[]> facturX(@PathVariable String token, @PathVariable String invoiceId) {
        return asDebtor(token, debtorId -> {
            UUID id = uuid(invoiceId);
            if (!ledger.invoice(id).debtorId().equals(debtorId)) {
                throw new UnknownLink();
            }
            DocumentContent c = documents.content(documents.facturX(id).id());
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(c.mediaType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName()).build().toString())
                    .body(c.bytes());
        });
    }

    /** Runs the work as the token's tenant, in the name of its debtor; the debtor's id is handed to the work. */
    private <T> T asDebtor(String token, Function<UUID, T> work) {
        var access = links.resolve(token).orElseThrow(this::miss);
        String reference = TenantContext.runAs(access.tenantId(), "portal", () -> ledger.debtor(access.debtorId()).reference());
        return TenantContext.runAs(access.tenantId(), "portal:" + reference, () -> work.apply(access.debtorId()));
    }

    /** A token that opens nothing counts against its sender's address; a valid one never does. */
    private RuntimeException miss() {
        return guesses.miss(clientAddress()).<RuntimeException>map(TooManyGuesses::new).orElseGet(UnknownLink::new);
    }

    private String show(Model model, String token, UUID debtorId, String done, List<FieldProblem> problems,
                        Map<String, Object> form) {
        AccountView.Account account = view.read(debtorId);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.putIfAbsent(p.field(), texts.text(p.message(), account.locale(), acts.maxPromiseDays(), DebtorActs.MAX_REASON));
        }
        model.addAttribute("a", account);
        model.addAttribute("intro", texts.text("intro", account.locale(), account.creditor(), account.debtorName(), account.today()));
        model.addAttribute("penaltiesTitle", texts.text("penalties", account.locale(), account.today()));
        model.addAttribute("t", texts.all(account.locale()));
        model.addAttribute("token", token);
        model.addAttribute("done", done);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("maxReason", DebtorActs.MAX_REASON);
        return "portal/account";
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new UnknownLink();
        }
    }

    /** The client of the request being served (the controller is a singleton: no request injected). */
    private static String clientAddress() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest().getRemoteAddr();
    }
}
