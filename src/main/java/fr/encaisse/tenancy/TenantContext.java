package fr.encaisse.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenant on whose behalf the current thread acts. Web requests get it from the login or
 * the API key; batch work (CLI, scheduler, demo seeding) enters it with {@link #runAs}.
 * Every query of every module filters by {@link #tenantId()}.
 */
public final class TenantContext {

    private TenantContext() {
    }

    public static Optional<EncaissePrincipal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EncaissePrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The current tenant; fails loudly when code runs outside any tenant. */
    public static UUID tenantId() {
        return require().tenantId();
    }

    public static String actor() {
        return require().actor();
    }

    private static EncaissePrincipal require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant in context"));
    }

    /** Runs work as the system actor of a tenant (batch jobs, imports from the CLI). */
    public static <T> T runAs(UUID tenantId, String actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SystemAuthentication(new SystemPrincipal(tenantId, actor)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(UUID tenantId, String actor, Runnable work) {
        runAs(tenantId, actor, () -> {
            work.run();
            return null;
        });
    }

    private record SystemPrincipal(UUID tenantId, String actor) implements EncaissePrincipal {
        @Override
        public Role role() {
            return Role.ADMIN;
        }
    }

    private static final class SystemAuthentication extends AbstractAuthenticationToken {
        private final SystemPrincipal principal;

        SystemAuthentication(SystemPrincipal principal) {
            super(AuthorityUtils.createAuthorityList(Role.ADMIN.authority()));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }
}
