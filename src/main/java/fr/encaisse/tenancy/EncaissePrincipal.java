package fr.encaisse.tenancy;

import java.util.UUID;

/** Whoever acts: a user, an API key or the system itself, always on behalf of one tenant. */
public interface EncaissePrincipal {

    UUID tenantId();

    /** The name written in the evidence journal ("user:jane@acme.fr", "api-key:erp"). */
    String actor();

    Role role();
}
