package fr.encaisse.ledger;

import java.util.List;

/** The fields of a debtor as given by a user, an import or the API. */
public record DebtorDraft(
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

    public DebtorDraft {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
