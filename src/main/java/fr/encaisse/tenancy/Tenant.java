package fr.encaisse.tenancy;

import java.time.ZoneId;
import java.util.UUID;

/** A creditor company using Encaisse, with the settings its letters and SEPA files need. */
public record Tenant(
        UUID id,
        String slug,
        String name,
        String siren,
        String vatNumber,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String city,
        String country,
        String iban,
        String bic,
        String sepaCreditorId,
        String letterhead,
        ZoneId timeZone) {
}
