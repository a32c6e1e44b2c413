package fr.encaisse.imports;

/**
 * How the tenant's books are kept, as FEC imports and accounting exports need to know it.
 *
 * @param defaultTermDays       days from invoice date to due date for invoices from a FEC (which has no due date)
 * @param customerAccountPrefix CompteNum prefix of customer accounts (411)
 * @param customerAccount       collective customer account for debtors the books do not know yet (411000)
 * @param bankAccount           bank account payments are posted to (512000)
 * @param suspenseAccount       account for money received from an unknown debtor (471000)
 * @param bankJournal           journal of payment entries (BQ)
 * @param miscJournal           journal of allocation entries (OD)
 */
public record BooksSettings(int defaultTermDays, String customerAccountPrefix, String customerAccount, String bankAccount,
                            String suspenseAccount, String bankJournal, String miscJournal) {

    public static final BooksSettings DEFAULTS = new BooksSettings(30, "411", "411000", "512000", "471000", "BQ", "OD");
}
