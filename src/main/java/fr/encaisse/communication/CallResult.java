package fr.encaisse.communication;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a call gave; {@code promisedOn} is required for a promise, {@code note} for a dispute (its reason). */
public record CallResult(CallOutcome outcome, String note, LocalDate promisedOn, BigDecimal promisedAmount) {
}
