/**
 * Getting receivables in from the books: CSV files of debtors and invoices (later FEC and
 * e-invoices), turned into ledger commands, all or nothing, with a report naming every line
 * and column at fault.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package fr.encaisse.imports;
