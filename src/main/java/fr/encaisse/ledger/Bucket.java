package fr.encaisse.ledger;

import java.math.BigDecimal;

/** An amount (incl. tax) and how many open items make it up. */
public record Bucket(BigDecimal amount, long count) {

    public static final Bucket EMPTY = new Bucket(BigDecimal.ZERO.setScale(2), 0);

    public Bucket plus(Bucket other) {
        return new Bucket(amount.add(other.amount), count + other.count);
    }
}
