package fr.encaisse.ledger;

import java.math.BigDecimal;

public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID;

    public static InvoiceStatus of(BigDecimal open, BigDecimal total) {
        if (open.signum() == 0) {
            return PAID;
        }
        return open.compareTo(total) < 0 ? PARTIALLY_PAID : OPEN;
    }
}
