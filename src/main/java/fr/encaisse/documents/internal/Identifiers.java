package fr.encaisse.documents.internal;

import java.util.Locale;

/**
 * Identifiers as written in e-invoices (spaces, dots, dashes, lower case) brought to the compact
 * form the ledger's {@link fr.encaisse.ledger.FrenchIdentifiers} checks.
 */
final class Identifiers {

    private Identifiers() {
    }

    static String compact(String s) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        return c.isEmpty() ? null : c;
    }
}
