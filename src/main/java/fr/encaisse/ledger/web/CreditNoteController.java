package fr.encaisse.ledger.web;

import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import java.net.URI;
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
@RequestMapping("/api/v1/credit-notes")
class CreditNoteController {

    private final Ledger ledger;

    CreditNoteController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    Slice<CreditNote> list(@RequestParam(required = false) UUID debtorId,
                           @RequestParam(defaultValue = "50") int limit,
                           @RequestParam(required = false) String after) {
        return ledger.creditNotes(debtorId, limit, after);
    }

    @PostMapping
    ResponseEntity<CreditNote> create(@RequestBody CreditNoteDraft draft) {
        CreditNote c = ledger.issueCreditNote(draft);
        return ResponseEntity.created(URI.create("/api/v1/credit-notes/" + c.id())).body(c);
    }

    @GetMapping("/{id}")
    CreditNote get(@PathVariable UUID id) {
        return ledger.creditNote(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ledger.deleteCreditNote(id);
        return ResponseEntity.noContent().build();
    }
}
