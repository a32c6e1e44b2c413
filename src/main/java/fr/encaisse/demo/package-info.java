/**
 * Demo data: on first start with the embedded database, a demo creditor with ~150 debtors
 * and ~3,000 invoices over 18 months whose payment behaviour is seeded and realistic, then a recent
 * collection history (dunning runs, disputes, promises, a bank statement) through the modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package fr.encaisse.demo;
