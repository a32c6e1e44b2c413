/**
 * The late-payment law applied to the ledger: each tenant's terms of sale (contract rate,
 * allocation rule, day count), the rate table in force (updatable at run time), and penalty
 * statements per invoice and per debtor. The rules themselves live in the pure {@code law} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Penalties")
package fr.encaisse.penalties;
