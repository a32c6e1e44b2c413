package fr.encaisse.imports;

/**
 * Where a debtor's entries go in the books: the account it had in the imported FEC (a collective
 * 411000 with an auxiliary account, or its own 411XXX), else the tenant's collective customer
 * account with the debtor's reference as auxiliary account.
 */
public record CustomerAccount(String account, String accountLabel, String auxAccount, String auxLabel) {
}
