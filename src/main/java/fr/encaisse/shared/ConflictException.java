package fr.encaisse.shared;

/** The request is well formed but clashes with the current state (a duplicate, a settled invoice). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
