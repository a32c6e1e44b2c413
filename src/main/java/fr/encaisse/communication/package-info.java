/**
 * Communication: the outbox of messages to debtors and their delivery — email over the tenant's
 * SMTP server, letters and registered letters as PDF in print batches, call tasks in a to-do list,
 * SMS through a gateway port — with send status, retries, a dead-letter list and an evidence
 * entry (SHA-256 of the exact content) for everything sent. Announces {@link fr.encaisse.communication.MessageSent}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Communication")
package fr.encaisse.communication;
