package fr.encaisse.cockpit.internal;

import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.Reconciliation;
import fr.encaisse.communication.CallTasks;
import fr.encaisse.communication.Outbox;
import fr.encaisse.dunning.DunningCases;
import fr.encaisse.ledger.DebtorBalance;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.Promise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** What to do today, each count from the module that owns the work. */
@Service
public class DayList {

    private final CallTasks callTasks;
    private final DunningCases dunning;
    private final Reconciliation reconciliation;
    private final Cases cases;
    private final Outbox outbox;
    private final OpenItems openItems;
    private final Ledger ledger;

    DayList(CallTasks callTasks, DunningCases dunning, Reconciliation reconciliation, Cases cases, Outbox outbox,
            OpenItems openItems, Ledger ledger) {
        this.callTasks = callTasks;
        this.dunning = dunning;
        this.reconciliation = reconciliation;
        this.cases = cases;
        this.outbox = outbox;
        this.openItems = openItems;
        this.ledger = ledger;
    }

    public List<DayItem> on(LocalDate today) {
        List<Promise> promises = cases.openPromisesDueBy(today);
        long dueToday = promises.stream().filter(p -> p.promisedOn().equals(today)).count();
        long broken = promises.stream().filter(p -> p.promisedOn().isBefore(today)).filter(this::unpaid).count();
        return List.of(
                new DayItem("call-tasks", "Appels à passer (du jour ou en retard)", callTasks.countDueBy(today),
                        "/api/v1/communication/call-tasks"),
                new DayItem("dunning-review", "Relances à valider", dunning.reviewQueueSize(), "/api/v1/dunning/review"),
                new DayItem("bank-suggested", "Lignes bancaires à confirmer", reconciliation.countLines(LineStatus.SUGGESTED),
                        "/api/v1/bank-statements/lines?status=SUGGESTED"),
                new DayItem("bank-unmatched", "Lignes bancaires non rapprochées", reconciliation.countLines(LineStatus.UNMATCHED),
                        "/api/v1/bank-statements/lines?status=UNMATCHED"),
                new DayItem("disputes", "Litiges ouverts", cases.disputes(true).size(), "/api/v1/recovery/disputes"),
                new DayItem("promises-due", "Promesses de paiement attendues aujourd'hui", dueToday, "/api/v1/recovery/promises"),
                new DayItem("promises-broken", "Promesses de paiement non tenues", broken, "/api/v1/recovery/promises"),
                new DayItem("dead-letters", "Messages en échec définitif", outbox.deadLetterCount(),
                        "/api/v1/communication/dead-letters"));
    }

    /**
     * A promise on invoices is unpaid while one of them is still open; a promise on the whole
     * account while the debtor still has overdue invoices.
     */
    private boolean unpaid(Promise p) {
        if (!p.invoiceIds().isEmpty()) {
            return openItems.openAmounts(p.invoiceIds()).values().stream().anyMatch(a -> a.signum() > 0);
        }
        return ledger.balances(p.debtorId()).stream().map(DebtorBalance::overdue).reduce(BigDecimal.ZERO, BigDecimal::add)
                .signum() > 0;
    }
}
