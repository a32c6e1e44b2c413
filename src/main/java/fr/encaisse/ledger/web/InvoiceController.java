package fr.encaisse.ledger.web;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.InvoiceStatus;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

@RestController
@RequestMapping("/api/v1/invoices")
class InvoiceController {

    private final Ledger ledger;

    InvoiceController(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Invoices in due-date order; pass the returned {@code nextCursor} as {@code after} for the next page. */
    @GetMapping
    Slice<Invoice> list(@RequestParam(required = false) InvoiceStatus status,
                        @RequestParam(required = false) UUID debtorId,
                        @RequestParam(required = false) LocalDate dueFrom,
                        @RequestParam(required = false) LocalDate dueTo,
                        @RequestParam(defaultValue = "false") boolean overdue,
                        @RequestParam(defaultValue = "50") int limit,
                        @RequestParam(required = false) String after) {
        return ledger.invoices(new InvoiceQuery(status, debtorId, dueFrom, dueTo, overdue, limit, after));
    }

    @PostMapping
    ResponseEntity<Invoice> create(@RequestBody InvoiceDraft draft) {
        Invoice i = ledger.issueInvoice(draft);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + i.id())).body(i);
    }

    @GetMapping("/{id}")
    Invoice get(@PathVariable UUID id) {
        return ledger.invoice(id);
    }

    @PutMapping("/{id}")
    Invoice update(@PathVariable UUID id, @RequestBody InvoiceDraft draft) {
        return ledger.updateInvoice(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ledger.deleteInvoice(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/allocations")
    List<Allocation> allocations(@PathVariable UUID id) {
        return ledger.allocationsOfInvoice(id);
    }
}
