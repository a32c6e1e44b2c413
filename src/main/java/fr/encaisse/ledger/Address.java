package fr.encaisse.ledger;

public record Address(String line1, String line2, String postalCode, String city, String country) {
}
