package fr.encaisse.cockpit.internal;

import fr.encaisse.shared.InvalidInputException;

/** Bounds on the dashboard's parameters, refused as RFC 9457 problems naming the parameter. */
final class Limits {

    private Limits() {
    }

    static int within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInputException.of(field, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
