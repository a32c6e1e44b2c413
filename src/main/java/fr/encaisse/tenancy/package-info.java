/**
 * Creditor companies (tenants), their users, roles and API keys, and who is acting now.
 * Every other module reads the current tenant from {@link fr.encaisse.tenancy.TenantContext}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package fr.encaisse.tenancy;
