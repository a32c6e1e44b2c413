package fr.encaisse.sepa.web;

import fr.encaisse.sepa.DirectDebit;
import fr.encaisse.sepa.DirectDebitSettings;
import fr.encaisse.sepa.DirectDebitStatus;
import fr.encaisse.sepa.DirectDebits;
import fr.encaisse.sepa.PlanReport;
import fr.encaisse.sepa.SepaNotice;
import fr.encaisse.sepa.SepaRunReport;
import fr.encaisse.sepa.SepaSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Direct-debit settings, collection planning, the daily run, collections and their notices. */
@RestController
@RequestMapping("/api/v1/sepa")
class CollectionController {

    private final DirectDebits directDebits;
    private final DirectDebitSettings settings;

    CollectionController(DirectDebits directDebits, DirectDebitSettings settings) {
        this.directDebits = directDebits;
        this.settings = settings;
    }

    @GetMapping("/settings")
    SepaSettings settings() {
        return settings.current();
    }

    @PutMapping("/settings")
    SepaSettings updateSettings(@RequestBody SepaSettings body) {
        return settings.update(body);
    }

    record PlanBody(LocalDate asOf, UUID debtorId) {
    }

    /** Plans collections for the open invoices of debtors with a usable mandate (asOf default today). */
    @PostMapping("/collections/plan")
    PlanReport plan(@RequestBody(required = false) PlanBody body) {
        return directDebits.plan(body == null ? null : body.asOf(), body == null ? null : body.debtorId());
    }

    /** The daily work now: lapse mandates, plan, pre-notify, move missed dates, book, send notices. */
    @PostMapping("/run")
    SepaRunReport run(@RequestParam(required = false) LocalDate asOf) {
        return directDebits.run(asOf);
    }

    @GetMapping("/collections")
    List<DirectDebit> list(@RequestParam(required = false) DirectDebitStatus status,
                           @RequestParam(required = false) UUID invoiceId,
                           @RequestParam(required = false) UUID mandateId,
                           @RequestParam(defaultValue = "100") int limit) {
        return directDebits.debits(status, invoiceId, mandateId, limit);
    }

    @GetMapping("/collections/{id}")
    DirectDebit get(@PathVariable UUID id) {
        return directDebits.debit(id);
    }

    record CancelBody(String reason) {
    }

    /** Cancels a planned or pre-notified collection; the invoice is not planned again automatically. */
    @PostMapping("/collections/{id}/cancel")
    DirectDebit cancel(@PathVariable UUID id, @RequestBody(required = false) CancelBody body) {
        return directDebits.cancel(id, body == null ? null : body.reason());
    }

    @GetMapping("/collections/{id}/notices")
    List<SepaNotice> noticesOf(@PathVariable UUID id) {
        return directDebits.notices(id);
    }

    @GetMapping("/notices")
    List<SepaNotice> notices() {
        return directDebits.notices(null);
    }

    @PostMapping("/notices/send")
    Map<String, Integer> send() {
        return Map.of("sent", directDebits.sendNotices());
    }
}
