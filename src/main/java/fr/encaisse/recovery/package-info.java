/**
 * Recovery: disputes, promises to pay, payment plans, and the one rule that says whether an
 * invoice or a debtor may be chased today ({@link fr.encaisse.recovery.DunningPauses}). Other
 * modules declare their own pauses through it (a pending direct debit, a tenant's hold).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recovery")
package fr.encaisse.recovery;
