package fr.encaisse.tenancy.internal;

import fr.encaisse.tenancy.EncaissePrincipal;
import fr.encaisse.tenancy.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST calls by API key, sent as {@code X-API-Key: enc_…} or
 * {@code Authorization: Bearer enc_…}. A wrong or revoked key simply stays unauthenticated,
 * and the entry point answers 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    ApiKeyAuthenticationFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        presentedKey(request).flatMap(this::authenticate).ifPresent(principal -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(principal));
            SecurityContextHolder.setContext(context);
        });
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.startsWith("Bearer ")) {
                header = authorization.substring(7).trim();
            }
        }
        return Optional.ofNullable(header);
    }

    private Optional<ApiKeyPrincipal> authenticate(String rawKey) {
        return ApiKeyFormat.prefixOf(rawKey).flatMap(prefix -> jdbc.sql(
                        "SELECT tenant_id, name, role, key_hash FROM api_key WHERE prefix = ? AND revoked_at IS NULL")
                .param(prefix)
                .query((rs, n) -> ApiKeyFormat.matches(rawKey, rs.getString("key_hash"))
                        ? new ApiKeyPrincipal(rs.getObject("tenant_id", UUID.class), "api-key:" + rs.getString("name"),
                        Role.valueOf(rs.getString("role")))
                        : null)
                .optional());
    }

    record ApiKeyPrincipal(UUID tenantId, String actor, Role role) implements EncaissePrincipal {
    }

    private static final class ApiKeyAuthentication extends AbstractAuthenticationToken {
        private final ApiKeyPrincipal principal;

        ApiKeyAuthentication(ApiKeyPrincipal principal) {
            super(AuthorityUtils.createAuthorityList(principal.role().authority()));
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
