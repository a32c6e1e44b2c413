package fr.encaisse.ledger.web;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.Slice;
import java.net.URI;
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

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final Ledger ledger;

    PaymentController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    Slice<Payment> list(@RequestParam(required = false) UUID debtorId,
                        @RequestParam(defaultValue = "50") int limit,
                        @RequestParam(required = false) String after) {
        return ledger.payments(debtorId, limit, after);
    }

    /** Records a payment, optionally spread over several invoices in the same call. */
    @PostMapping
    ResponseEntity<Payment> create(@RequestBody PaymentDraft draft) {
        Payment p = ledger.recordPayment(draft);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(p);
    }

    @GetMapping("/{id}")
    Payment get(@PathVariable UUID id) {
        return ledger.payment(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ledger.deletePayment(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/allocations")
    List<Allocation> allocations(@PathVariable UUID id) {
        return ledger.allocationsOfPayment(id);
    }
}
