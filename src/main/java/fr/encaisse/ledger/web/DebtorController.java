package fr.encaisse.ledger.web;

import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorBalance;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorSummary;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import java.net.URI;
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
@RequestMapping("/api/v1/debtors")
class DebtorController {

    private final Ledger ledger;

    DebtorController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    Slice<DebtorSummary> list(@RequestParam(required = false) String q,
                              @RequestParam(defaultValue = "50") int limit,
                              @RequestParam(required = false) String after) {
        return ledger.debtors(q, limit, after);
    }

    @PostMapping
    ResponseEntity<Debtor> create(@RequestBody DebtorDraft draft) {
        Debtor d = ledger.createDebtor(draft);
        return ResponseEntity.created(URI.create("/api/v1/debtors/" + d.id())).body(d);
    }

    @GetMapping("/{id}")
    Debtor get(@PathVariable UUID id) {
        return ledger.debtor(id);
    }

    @PutMapping("/{id}")
    Debtor update(@PathVariable UUID id, @RequestBody DebtorDraft draft) {
        return ledger.updateDebtor(id, draft);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ledger.deleteDebtor(id);
        return ResponseEntity.noContent().build();
    }

    /** The debtor's account per currency: open invoices, overdue, unapplied credits and payments. */
    @GetMapping("/{id}/balance")
    List<DebtorBalance> balance(@PathVariable UUID id) {
        return ledger.balances(id);
    }
}
