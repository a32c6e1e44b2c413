/**
 * The evidence journal: an append-only, SHA-256 hash-chained record of every act (what
 * changed or was sent, when, by whom), one chain per tenant, and its verification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package fr.encaisse.evidence;
