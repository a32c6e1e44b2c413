/**
 * The credit team's screens: today the receivables overview (debtors and invoices with their
 * balances); later aging, DSO, cash-in forecast and the day's work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cockpit")
package fr.encaisse.cockpit;
