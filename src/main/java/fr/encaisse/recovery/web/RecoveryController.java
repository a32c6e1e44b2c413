package fr.encaisse.recovery.web;

import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.Dispute;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.recovery.NewPaymentPlan;
import fr.encaisse.recovery.NewPromise;
import fr.encaisse.recovery.Pause;
import fr.encaisse.recovery.PauseRequest;
import fr.encaisse.recovery.PauseStatus;
import fr.encaisse.recovery.PaymentPlan;
import fr.encaisse.recovery.Promise;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disputes, promises to pay, payment plans and dunning pauses. */
@RestController
@RequestMapping("/api/v1/recovery")
class RecoveryController {

    private final Cases cases;
    private final DunningPauses pauses;
    private final Tenants tenants;

    RecoveryController(Cases cases, DunningPauses pauses, Tenants tenants) {
        this.cases = cases;
        this.pauses = pauses;
        this.tenants = tenants;
    }

    @PostMapping("/disputes")
    ResponseEntity<Dispute> openDispute(@RequestBody NewDispute dispute) {
        Dispute d = cases.openDispute(dispute);
        return ResponseEntity.created(URI.create("/api/v1/recovery/disputes/" + d.id())).body(d);
    }

    @GetMapping("/disputes")
    List<Dispute> disputes(@RequestParam(defaultValue = "true") boolean openOnly) {
        return cases.disputes(openOnly);
    }

    @GetMapping("/disputes/{id}")
    Dispute dispute(@PathVariable UUID id) {
        return cases.dispute(id);
    }

    record Resolution(String resolution) {
    }

    @PostMapping("/disputes/{id}/resolve")
    Dispute resolve(@PathVariable UUID id, @RequestBody(required = false) Resolution body) {
        return cases.resolveDispute(id, body == null ? null : body.resolution());
    }

    @PostMapping("/promises")
    ResponseEntity<Promise> promise(@RequestBody NewPromise promise) {
        Promise p = cases.recordPromise(promise);
        return ResponseEntity.created(URI.create("/api/v1/recovery/promises/" + p.id())).body(p);
    }

    /** Open promises whose date is {@code dueBy} (default today) or earlier: due, or past and to check. */
    @GetMapping("/promises")
    List<Promise> promisesDue(@RequestParam(required = false) LocalDate dueBy) {
        return cases.openPromisesDueBy(dueBy != null ? dueBy : tenants.today(TenantContext.tenantId()));
    }

    @GetMapping("/promises/{id}")
    Promise promise(@PathVariable UUID id) {
        return cases.promise(id);
    }

    @PostMapping("/promises/{id}/cancel")
    Promise cancelPromise(@PathVariable UUID id) {
        return cases.cancelPromise(id);
    }

    @PostMapping("/payment-plans")
    ResponseEntity<PaymentPlan> plan(@RequestBody NewPaymentPlan plan) {
        PaymentPlan p = cases.createPlan(plan);
        return ResponseEntity.created(URI.create("/api/v1/recovery/payment-plans/" + p.id())).body(p);
    }

    @GetMapping("/payment-plans/{id}")
    PaymentPlan plan(@PathVariable UUID id) {
        return cases.plan(id);
    }

    record PlanOutcome(PaymentPlan.Status status) {
    }

    @PostMapping("/payment-plans/{id}/close")
    PaymentPlan closePlan(@PathVariable UUID id, @RequestBody PlanOutcome outcome) {
        return cases.closePlan(id, outcome.status());
    }

    /** A tenant's own hold (reason TENANT_HOLD) or, for other modules' clients, a pending direct debit. */
    @PostMapping("/pauses")
    ResponseEntity<Pause> declare(@RequestBody PauseRequest request) {
        Pause p = pauses.declare(request);
        return ResponseEntity.created(URI.create("/api/v1/recovery/pauses/" + p.id())).body(p);
    }

    @GetMapping("/pauses")
    List<Pause> live(@RequestParam(required = false) LocalDate on) {
        return pauses.live(date(on));
    }

    @GetMapping("/pauses/{id}")
    Pause pause(@PathVariable UUID id) {
        return pauses.pause(id);
    }

    @DeleteMapping("/pauses/{id}")
    ResponseEntity<Void> lift(@PathVariable UUID id) {
        pauses.lift(id);
        return ResponseEntity.noContent().build();
    }

    /** Is this invoice paused (by itself or its debtor), and why. */
    @GetMapping("/invoices/{id}/pause-status")
    PauseStatus invoiceStatus(@PathVariable UUID id, @RequestParam(required = false) LocalDate on) {
        return pauses.ofInvoice(id, date(on));
    }

    @GetMapping("/debtors/{id}/pause-status")
    PauseStatus debtorStatus(@PathVariable UUID id, @RequestParam(required = false) LocalDate on) {
        return pauses.ofDebtor(id, date(on));
    }

    private LocalDate date(LocalDate on) {
        return on != null ? on : tenants.today(TenantContext.tenantId());
    }
}
