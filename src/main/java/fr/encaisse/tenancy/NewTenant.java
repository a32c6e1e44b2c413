package fr.encaisse.tenancy;

/** What it takes to open a tenant. */
public record NewTenant(
        String slug,
        String name,
        String siren,
        String vatNumber,
        String addressLine1,
        String postalCode,
        String city,
        String iban,
        String bic,
        String sepaCreditorId) {
}
