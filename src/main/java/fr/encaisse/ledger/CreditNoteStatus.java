package fr.encaisse.ledger;

import java.math.BigDecimal;

public enum CreditNoteStatus {
    OPEN, PARTIALLY_APPLIED, APPLIED;

    public static CreditNoteStatus of(BigDecimal open, BigDecimal total) {
        if (open.signum() == 0) {
            return APPLIED;
        }
        return open.compareTo(total) < 0 ? PARTIALLY_APPLIED : OPEN;
    }
}
