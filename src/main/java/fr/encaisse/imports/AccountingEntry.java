package fr.encaisse.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A journal entry for the accountant to post: balanced lines (total debit = total credit),
 * each line on one side only. The export numbers entries within each journal.
 *
 * @param pieceRef the supporting document (payment reference, invoice number); a line may name its own
 */
public record AccountingEntry(String journalCode, String journalLabel, LocalDate date, String pieceRef,
                              LocalDate pieceDate, String label, List<Line> lines) {

    public AccountingEntry {
        lines = List.copyOf(lines);
    }

    /**
     * @param pieceRef null for the entry's
     * @param label    null for the entry's
     */
    public record Line(String account, String accountLabel, String auxAccount, String auxLabel, String pieceRef,
                       String label, BigDecimal debit, BigDecimal credit) {

        public static Line debit(CustomerAccount a, BigDecimal amount, String pieceRef, String label) {
            return new Line(a.account(), a.accountLabel(), a.auxAccount(), a.auxLabel(), pieceRef, label, amount, BigDecimal.ZERO);
        }

        public static Line credit(CustomerAccount a, BigDecimal amount, String pieceRef, String label) {
            return new Line(a.account(), a.accountLabel(), a.auxAccount(), a.auxLabel(), pieceRef, label, BigDecimal.ZERO, amount);
        }

        public static Line debit(String account, String accountLabel, BigDecimal amount, String label) {
            return new Line(account, accountLabel, null, null, null, label, amount, BigDecimal.ZERO);
        }

        public static Line credit(String account, String accountLabel, BigDecimal amount, String label) {
            return new Line(account, accountLabel, null, null, null, label, BigDecimal.ZERO, amount);
        }
    }
}
