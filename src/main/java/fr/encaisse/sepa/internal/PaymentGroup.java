package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.Debit;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SequenceType;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The totals of one future {@code PmtInf} block, computed by the first pass. */
record PaymentGroup(Key key, String id, long count, BigDecimal sum) {

    /** What makes debits share a {@code PmtInf}: they share its {@code PmtTpInf} and {@code ReqdColltnDt}. */
    record Key(LocalDate collectionDate, Scheme scheme, SequenceType sequenceType) {
        static Key of(Debit d) {
            return new Key(d.collectionDate(), d.scheme(), d.sequenceType());
        }

        @Override
        public String toString() {
            return collectionDate + "/" + scheme + "/" + sequenceType;
        }
    }
}
