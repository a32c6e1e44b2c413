/**
 * Dunning: scenarios (steps at offsets from the due date, with channels, conditions, stage and
 * mode), the state of each invoice along its scenario, and the daily run that decides what is due
 * and writes it, with the messages to send, in the same transaction. Pauses come from
 * {@link fr.encaisse.recovery.DunningPauses}; messages go out through {@link fr.encaisse.communication.Outbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dunning")
package fr.encaisse.dunning;
