package fr.encaisse.shared;

/**
 * Thrown when a resource does not exist for the current tenant. Another tenant's resource is
 * reported exactly like a missing one, so its existence never leaks.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
