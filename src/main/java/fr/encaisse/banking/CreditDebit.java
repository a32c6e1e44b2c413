package fr.encaisse.banking;

import java.math.BigDecimal;

/**
 * Direction of a movement or balance seen from the account holder: ISO 20022 {@code CdtDbtInd}
 * ({@code CRDT}/{@code DBIT}), or the sign of a CFONB 120 amount.
 */
public enum CreditDebit {
    /** Money in ({@code CRDT}, positive CFONB amount). */
    CREDIT,
    /** Money out ({@code DBIT}, negative CFONB amount). */
    DEBIT;

    /** The amount with the sign of this direction: positive for a credit, negative for a debit. */
    public BigDecimal signed(BigDecimal amount) {
        return this == CREDIT ? amount : amount.negate();
    }
}
