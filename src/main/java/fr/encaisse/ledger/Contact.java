package fr.encaisse.ledger;

public record Contact(String name, String email, String phone, ContactRole role) {
}
