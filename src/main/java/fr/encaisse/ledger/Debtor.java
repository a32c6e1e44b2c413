package fr.encaisse.ledger;

import java.util.List;
import java.util.UUID;

/** A customer who owes, or may owe, the tenant money. {@code reference} is its account code in the books. */
public record Debtor(
        UUID id,
        String reference,
        String legalName,
        String siren,
        String siret,
        String vatNumber,
        DebtorKind kind,
        Address address,
        String email,
        String phone,
        String language,
        List<Contact> contacts) {
}
