package fr.encaisse.tenancy.internal;

import fr.encaisse.tenancy.EncaissePrincipal;
import fr.encaisse.tenancy.Role;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Web users log in with their e-mail address; each belongs to exactly one tenant. */
@Component
class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT tenant_id, username, password_hash, full_name, role FROM app_user WHERE username = ?")
                .param(username == null ? "" : username.toLowerCase())
                .query((rs, n) -> new UserAccount(rs.getObject("tenant_id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), rs.getString("full_name"), Role.valueOf(rs.getString("role"))))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    record UserAccount(UUID tenantId, String username, String passwordHash, String fullName, Role role)
            implements UserDetails, EncaissePrincipal {

        @Override
        public String actor() {
            return "user:" + username;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return AuthorityUtils.createAuthorityList(role.authority());
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return username;
        }
    }
}
