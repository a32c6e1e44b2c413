package fr.encaisse.law;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One-line builders for the law tests. */
final class Fixtures {

    static final LatePaymentLaw LAW = LatePaymentLaw.withBundledRates();

    private Fixtures() {
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static LateInvoice invoice(String id, String dueDate, String principal) {
        return LateInvoice.of(id, day(dueDate), eur(principal));
    }

    /** French text with non-breaking spaces turned into plain spaces, for readable assertions. */
    static String plain(String text) {
        return text.replace('\u00A0', ' ');
    }
}
