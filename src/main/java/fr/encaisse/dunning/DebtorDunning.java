package fr.encaisse.dunning;

import java.time.LocalDate;
import java.util.UUID;

/** A debtor's dunning settings: its scenario (null = the default), segment and risk class for step conditions. */
public record DebtorDunning(UUID debtorId, UUID scenarioId, String segment, String riskClass, LocalDate lastContactOn) {
}
