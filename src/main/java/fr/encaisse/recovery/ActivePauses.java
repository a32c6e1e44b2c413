package fr.encaisse.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pauses of a tenant that hold on one day, indexed for batch work: asking about one invoice
 * costs two hash look-ups, so the daily run can ask for each of a million invoices.
 */
public final class ActivePauses {

    private final LocalDate on;
    private final Map<UUID, List<Pause>> byInvoice = new HashMap<>();
    private final Map<UUID, List<Pause>> byDebtor = new HashMap<>();

    public ActivePauses(LocalDate on, Collection<Pause> pauses) {
        this.on = on;
        for (Pause p : pauses) {
            if (p.activeOn(on)) {
                (p.coversWholeDebtor() ? byDebtor.computeIfAbsent(p.debtorId(), k -> new ArrayList<>())
                        : byInvoice.computeIfAbsent(p.invoiceId(), k -> new ArrayList<>())).add(p);
            }
        }
    }

    public LocalDate on() {
        return on;
    }

    public boolean isEmpty() {
        return byInvoice.isEmpty() && byDebtor.isEmpty();
    }

    /** Is this invoice of this debtor paused, by its own pause or by one on the whole debtor? */
    public boolean isPaused(UUID invoiceId, UUID debtorId) {
        return byDebtor.containsKey(debtorId) || byInvoice.containsKey(invoiceId);
    }

    public boolean isDebtorPaused(UUID debtorId) {
        return byDebtor.containsKey(debtorId);
    }

    public PauseStatus ofInvoice(UUID invoiceId, UUID debtorId) {
        List<Pause> why = new ArrayList<>(byDebtor.getOrDefault(debtorId, List.of()));
        why.addAll(byInvoice.getOrDefault(invoiceId, List.of()));
        return new PauseStatus(on, !why.isEmpty(), List.copyOf(why));
    }

    public PauseStatus ofDebtor(UUID debtorId) {
        List<Pause> why = byDebtor.getOrDefault(debtorId, List.of());
        return new PauseStatus(on, !why.isEmpty(), List.copyOf(why));
    }
}
