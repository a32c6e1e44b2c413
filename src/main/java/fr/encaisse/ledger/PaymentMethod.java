package fr.encaisse.ledger;

public enum PaymentMethod {
    TRANSFER, DIRECT_DEBIT, CHECK, CARD, CASH, OTHER
}
