package fr.encaisse.ledger.web;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.shared.InvalidInputException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/allocations")
class AllocationController {

    private final Ledger ledger;

    AllocationController(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Settles part of an invoice with a payment or a credit note: give exactly one of the two ids. */
    record AllocationRequest(UUID invoiceId, UUID paymentId, UUID creditNoteId, BigDecimal amount, LocalDate on) {
    }

    @PostMapping
    ResponseEntity<Allocation> create(@RequestBody AllocationRequest r) {
        if (r.invoiceId() == null) {
            throw InvalidInputException.of("invoiceId", "is required");
        }
        if ((r.paymentId() == null) == (r.creditNoteId() == null)) {
            throw InvalidInputException.of("paymentId", "give exactly one of paymentId and creditNoteId");
        }
        Allocation a = r.paymentId() != null
                ? ledger.allocatePayment(r.paymentId(), r.invoiceId(), r.amount())
                : ledger.applyCreditNote(r.creditNoteId(), r.invoiceId(), r.amount(), r.on());
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + a.id())).body(a);
    }

    @GetMapping("/{id}")
    Allocation get(@PathVariable UUID id) {
        return ledger.allocation(id);
    }

    /** Undoes the allocation; the journal keeps both the allocation and its reversal. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> reverse(@PathVariable UUID id) {
        ledger.reverseAllocation(id);
        return ResponseEntity.noContent().build();
    }
}
