package fr.encaisse.tenancy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Opening tenants and giving them users and API keys. */
public interface Tenants {

    Tenant create(NewTenant tenant);

    Optional<Tenant> bySlug(String slug);

    Tenant get(UUID id);

    /** Today in the creditor's zone: the date that decides what is overdue. */
    LocalDate today(UUID tenantId);

    void addUser(UUID tenantId, String username, String rawPassword, String fullName, Role role);

    /** Creates an API key and returns it in clear text, the only time it is ever shown. */
    String createApiKey(UUID tenantId, String name, Role role);

    /** Registers a key whose text the caller chose (demo data, tests); stored hashed like any other. */
    void registerApiKey(UUID tenantId, String name, Role role, String rawKey);
}
