/**
 * JDBC helpers for the modules' bulk paths (imports, ledger batches): plumbing, no business rule.
 */
@org.springframework.modulith.NamedInterface("jdbc")
package fr.encaisse.shared.jdbc;
