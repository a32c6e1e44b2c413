package fr.encaisse.ledger;

/**
 * Open invoice amounts by days past due at a date: not yet due (due on that day or later), 1–30,
 * 31–60, 61–90 and over 90 days past due.
 */
public record AgingBuckets(Bucket notDue, Bucket days1To30, Bucket days31To60, Bucket days61To90, Bucket over90) {

    public Bucket overdue() {
        return days1To30.plus(days31To60).plus(days61To90).plus(over90);
    }

    public Bucket total() {
        return notDue.plus(overdue());
    }
}
