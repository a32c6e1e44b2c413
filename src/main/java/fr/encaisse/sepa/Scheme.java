package fr.encaisse.sepa;

/** The SEPA Direct Debit scheme, written to {@code PmtTpInf/LclInstrm/Cd}. */
public enum Scheme {
    /** SDD Core: any debtor; 8-week no-questions refund (13 months if unauthorised). */
    CORE,
    /** SDD B2B: business debtors only, no refund right; the debtor bank checks the mandate. */
    B2B
}
