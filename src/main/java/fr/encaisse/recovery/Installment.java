package fr.encaisse.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Installment(LocalDate dueOn, BigDecimal amount) {
}
