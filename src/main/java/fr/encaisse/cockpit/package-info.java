/**
 * The credit team's screens and dashboard API: the day's work, aging balance, DSO and cash-in
 * forecast (from the other modules' public APIs), then debtors and invoices with their balances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cockpit")
package fr.encaisse.cockpit;
