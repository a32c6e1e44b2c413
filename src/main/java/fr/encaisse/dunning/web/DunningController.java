package fr.encaisse.dunning.web;

import fr.encaisse.dunning.Contact;
import fr.encaisse.dunning.DebtorDunning;
import fr.encaisse.dunning.DunningCases;
import fr.encaisse.dunning.DunningRun;
import fr.encaisse.dunning.DunningSettings;
import fr.encaisse.dunning.Evaluation;
import fr.encaisse.dunning.InvoiceDunning;
import fr.encaisse.dunning.RunReport;
import fr.encaisse.dunning.Scenario;
import fr.encaisse.dunning.Scenarios;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scenarios (JSON and YAML), per-debtor settings, runs, contacts and the review queue. */
@RestController
@RequestMapping("/api/v1/dunning")
class DunningController {

    static final String YAML = "application/yaml";

    private final Scenarios scenarios;
    private final DunningRun run;
    private final DunningCases cases;
    private final Tenants tenants;

    DunningController(Scenarios scenarios, DunningRun run, DunningCases cases, Tenants tenants) {
        this.scenarios = scenarios;
        this.run = run;
        this.cases = cases;
        this.tenants = tenants;
    }

    // ---- scenarios

    @GetMapping("/scenarios")
    List<Scenario> scenarios() {
        return scenarios.list();
    }

    @PostMapping("/scenarios")
    ResponseEntity<Scenario> create(@RequestBody Scenario scenario) {
        Scenario s = scenarios.create(scenario);
        return ResponseEntity.created(URI.create("/api/v1/dunning/scenarios/" + s.id())).body(s);
    }

    @GetMapping("/scenarios/{id}")
    Scenario scenario(@PathVariable UUID id) {
        return scenarios.get(id);
    }

    @PutMapping("/scenarios/{id}")
    Scenario update(@PathVariable UUID id, @RequestBody Scenario scenario) {
        return scenarios.update(id, scenario);
    }

    @DeleteMapping("/scenarios/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        scenarios.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/scenarios/{id}/yaml", produces = YAML)
    String exportOne(@PathVariable UUID id) {
        return scenarios.exportYaml(id);
    }

    @GetMapping(value = "/scenarios/yaml", produces = YAML)
    String exportAll() {
        return scenarios.exportYaml(null);
    }

    /** Creates, or replaces by name, the scenarios of a YAML document. */
    @PostMapping(value = "/scenarios/yaml", consumes = {YAML, "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    List<Scenario> importYaml(@RequestBody String yaml) {
        return scenarios.importYaml(yaml);
    }

    // ---- debtors

    @GetMapping("/debtors/{debtorId}")
    DebtorDunning debtor(@PathVariable UUID debtorId) {
        return scenarios.debtor(debtorId);
    }

    record Assignment(UUID scenarioId, String segment, String riskClass) {
    }

    @PutMapping("/debtors/{debtorId}")
    DebtorDunning assign(@PathVariable UUID debtorId, @RequestBody Assignment a) {
        return scenarios.assign(debtorId, a.scenarioId(), a.segment(), a.riskClass());
    }

    @GetMapping("/invoices/{invoiceId}")
    InvoiceDunning invoice(@PathVariable UUID invoiceId, @RequestParam(required = false) LocalDate asOf) {
        return cases.invoice(invoiceId, asOf);
    }

    // ---- runs

    record RunRequest(LocalDate asOf) {
    }

    /** Runs the tenant's dunning as of a date (default today): catches up, never repeats. */
    @PostMapping("/runs")
    RunReport run(@RequestBody(required = false) RunRequest request) {
        return run.run(request == null || request.asOf() == null ? today() : request.asOf());
    }

    /** What a run would do, without doing it. */
    @GetMapping("/evaluation")
    Evaluation evaluate(@RequestParam(required = false) LocalDate asOf) {
        return run.evaluate(asOf == null ? today() : asOf);
    }

    @GetMapping("/settings")
    DunningSettings settings() {
        return run.settings();
    }

    @PutMapping("/settings")
    DunningSettings updateSettings(@RequestBody DunningSettings settings) {
        return run.updateSettings(settings);
    }

    // ---- contacts and review

    @GetMapping("/contacts")
    List<Contact> contacts(@RequestParam(required = false) UUID debtorId, @RequestParam(required = false) LocalDate from,
                           @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Contact.Status status) {
        return cases.contacts(debtorId, from, to, status);
    }

    @GetMapping("/contacts/{id}")
    Contact contact(@PathVariable UUID id) {
        return cases.contact(id);
    }

    @GetMapping("/review")
    List<Contact> reviewQueue() {
        return cases.reviewQueue();
    }

    record Review(List<UUID> ids, LocalDate sendOn) {
    }

    @PostMapping("/review/approve")
    List<Contact> approve(@RequestBody Review review) {
        return cases.approve(review.ids(), review.sendOn());
    }

    @PostMapping("/review/skip")
    List<Contact> skip(@RequestBody Review review) {
        return cases.skip(review.ids());
    }

    private LocalDate today() {
        return tenants.today(TenantContext.tenantId());
    }
}
