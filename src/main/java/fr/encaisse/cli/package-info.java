/**
 * Batch commands for cron and scripts, run by the same jar: {@code java -jar encaisse.jar
 * import invoices --tenant acme invoices.csv}. They call the modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package fr.encaisse.cli;
