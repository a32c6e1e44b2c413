package fr.encaisse.portal.internal;

import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A debtor's invoices with something left to pay, by due date: what the portal shows and lets the debtor act on. */
@Component
class OpenInvoices {

    private final Ledger ledger;

    OpenInvoices(Ledger ledger) {
        this.ledger = ledger;
    }

    List<Invoice> of(UUID debtorId) {
        List<Invoice> open = new ArrayList<>();
        String cursor = null;
        do {
            Slice<Invoice> page = ledger.invoices(new InvoiceQuery(null, debtorId, null, null, false, 500, cursor));
            page.items().stream().filter(i -> i.openAmount().signum() > 0).forEach(open::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return open;
    }
}
