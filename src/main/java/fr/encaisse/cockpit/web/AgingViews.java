package fr.encaisse.cockpit.web;

import fr.encaisse.ledger.Aging;
import fr.encaisse.ledger.AgingBuckets;
import fr.encaisse.ledger.Bucket;
import fr.encaisse.ledger.DebtorAging;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The aging balance as JSON and for the page: the buckets with their overdue and total sums spelled out. */
final class AgingViews {

    private AgingViews() {
    }

    record Buckets(Bucket notDue, Bucket days1To30, Bucket days31To60, Bucket days61To90, Bucket over90, Bucket overdue,
                   Bucket total) {
        static Buckets of(AgingBuckets b) {
            return new Buckets(b.notDue(), b.days1To30(), b.days31To60(), b.days61To90(), b.over90(), b.overdue(), b.total());
        }
    }

    record Overall(LocalDate asOf, Buckets invoices, Bucket openCreditNotes, BigDecimal net) {
        static Overall of(Aging a) {
            return new Overall(a.asOf(), Buckets.of(a.invoices()), a.openCreditNotes(), a.net());
        }
    }

    record Debtor(UUID debtorId, String reference, String legalName, Buckets invoices, Bucket openCreditNotes) {
        static Debtor of(DebtorAging d) {
            return new Debtor(d.debtorId(), d.reference(), d.legalName(), Buckets.of(d.invoices()), d.openCreditNotes());
        }
    }

    /** One page of debtors, most overdue first; {@code nextOffset} null on the last page. */
    record DebtorPage(LocalDate asOf, List<Debtor> items, Integer nextOffset) {
        static DebtorPage of(LocalDate asOf, List<DebtorAging> rows, int limit, int offset) {
            boolean more = rows.size() > limit;
            List<Debtor> items = rows.stream().limit(limit).map(Debtor::of).toList();
            return new DebtorPage(asOf, items, more ? offset + limit : null);
        }
    }
}
