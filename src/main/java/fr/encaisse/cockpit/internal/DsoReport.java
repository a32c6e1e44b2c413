package fr.encaisse.cockpit.internal;

import fr.encaisse.ledger.Receivables;
import fr.encaisse.ledger.SalesOutstanding;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** DSO and the payment-delay trend at a date. */
@Service
public class DsoReport {

    private static final int DELAY_WINDOW = 90;

    private final Receivables receivables;

    DsoReport(Receivables receivables) {
        this.receivables = receivables;
    }

    public DsoFigures at(LocalDate asOf, int days) {
        SalesOutstanding s = receivables.salesOutstanding(asOf, Limits.within("days", days, 1, 730));
        LocalDate previousEnd = asOf.minusDays(DELAY_WINDOW);
        return new DsoFigures(asOf, days, s.receivables(), s.sales(), s.dso(),
                receivables.paymentDelay(previousEnd, asOf),
                receivables.paymentDelay(previousEnd.minusDays(DELAY_WINDOW), previousEnd));
    }
}
