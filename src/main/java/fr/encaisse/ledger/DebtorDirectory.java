package fr.encaisse.ledger;

import java.util.List;

/**
 * Finds the current tenant's debtors by their legal identifiers or name: how a document received
 * from outside (an e-invoice) is matched to a debtor already in the ledger. Reads only.
 */
public interface DebtorDirectory {

    /** Debtors with this SIREN (9 digits), oldest first. */
    List<Debtor> bySiren(String siren);

    /** Debtors with this VAT number (compared without spaces, case-insensitive), oldest first. */
    List<Debtor> byVatNumber(String vatNumber);

    /** Debtors whose legal name equals this one, ignoring case and surrounding spaces, oldest first. */
    List<Debtor> byLegalName(String legalName);
}
