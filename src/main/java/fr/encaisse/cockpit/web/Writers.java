package fr.encaisse.cockpit.web;

import fr.encaisse.tenancy.EncaissePrincipal;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.TenantContext;

/** Who may change things from the cockpit's pages: the web chain lets every signed-in user post, so pages check. */
final class Writers {

    static final String REFUSED = "Votre rôle permet de consulter, pas d'écrire.";

    private Writers() {
    }

    static boolean canWrite() {
        Role role = TenantContext.current().map(EncaissePrincipal::role).orElse(Role.VIEWER);
        return role == Role.ADMIN || role == Role.CREDIT_MANAGER;
    }
}
