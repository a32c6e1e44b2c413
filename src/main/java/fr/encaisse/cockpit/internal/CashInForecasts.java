package fr.encaisse.cockpit.internal;

import fr.encaisse.ledger.CashInForecast;
import fr.encaisse.ledger.Receivables;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.Dispute;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The cash-in forecast with what open disputes cover (an invoice, or a debtor's whole account) set apart. */
@Service
public class CashInForecasts {

    private final Receivables receivables;
    private final Cases cases;

    CashInForecasts(Receivables receivables, Cases cases) {
        this.receivables = receivables;
        this.cases = cases;
    }

    public CashInForecast forecast(LocalDate asOf, int weeks) {
        Limits.within("weeks", weeks, 1, 26);
        List<Dispute> open = cases.disputes(true);
        Set<UUID> invoices = open.stream().filter(d -> d.invoiceId() != null).map(Dispute::invoiceId).collect(Collectors.toSet());
        Set<UUID> debtors = open.stream().filter(d -> d.invoiceId() == null).map(Dispute::debtorId).collect(Collectors.toSet());
        return receivables.forecast(asOf, weeks, invoices, debtors);
    }
}
