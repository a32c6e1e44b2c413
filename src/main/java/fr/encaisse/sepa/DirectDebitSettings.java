package fr.encaisse.sepa;

/** The current tenant's direct-debit settings. */
public interface DirectDebitSettings {

    SepaSettings current();

    /** All fields replaced; an invalid creditor identifier is refused naming {@code creditorId}. */
    SepaSettings update(SepaSettings settings);
}
