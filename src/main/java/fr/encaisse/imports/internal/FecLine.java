package fr.encaisse.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a FEC, checked: dates read, amounts as debit and credit whichever variant the file
 * uses (Debit/Credit or Montant/Sens). Blank optional fields are null.
 */
record FecLine(
        long line,
        String journalCode,
        String journalLib,
        String ecritureNum,
        LocalDate ecritureDate,
        String compteNum,
        String compteLib,
        String compAuxNum,
        String compAuxLib,
        String pieceRef,
        LocalDate pieceDate,
        String ecritureLib,
        BigDecimal debit,
        BigDecimal credit,
        String ecritureLet,
        LocalDate dateLet) {

    /** Debit minus credit: positive when the line debits its account. */
    BigDecimal net() {
        return debit.subtract(credit);
    }

    /** The entry this line belongs to: JournalCode and EcritureNum. */
    String entryKey() {
        return journalCode + '\u0001' + ecritureNum;
    }
}
