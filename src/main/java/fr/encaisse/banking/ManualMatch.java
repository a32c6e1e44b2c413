package fr.encaisse.banking;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A person's match of a credit: the debtor who paid (may be omitted when invoices are given: it
 * is theirs), and how much goes to which invoice; what no invoice takes stays as a credit on the
 * debtor's account.
 */
public record ManualMatch(UUID debtorId, List<Share> allocations) {

    public ManualMatch {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    public record Share(UUID invoiceId, BigDecimal amount) {
    }
}
