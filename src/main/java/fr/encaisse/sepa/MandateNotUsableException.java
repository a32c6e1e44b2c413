package fr.encaisse.sepa;

/**
 * A collection was asked for on a mandate that cannot carry it: a one-off mandate already used,
 * a recurrent mandate after its final collection, a mandate lapsed after 36 months without a
 * collection, or a collection dated before the signature.
 */
public class MandateNotUsableException extends IllegalStateException {

    public MandateNotUsableException(String message) {
        super(message);
    }
}
