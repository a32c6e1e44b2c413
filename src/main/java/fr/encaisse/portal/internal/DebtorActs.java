package fr.encaisse.portal.internal;

import fr.encaisse.ledger.Invoice;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.Dispute;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.recovery.NewPromise;
import fr.encaisse.recovery.Promise;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The debtor's own acts, checked against what the portal showed (its open invoices, today's date)
 * and recorded through the recovery module exactly as a credit manager's: same pause, same evidence
 * entry, written under the actor the caller set ({@code portal:<debtor reference>}). Problems name
 * the form field; their message is a key of {@link PortalTexts}, said in the debtor's language by the page.
 */
@Component
public class DebtorActs {

    public static final int MAX_REASON = 2000;

    private final Cases cases;
    private final OpenInvoices openInvoices;
    private final Tenants tenants;
    private final int maxPromiseDays;

    DebtorActs(Cases cases, OpenInvoices openInvoices, Tenants tenants,
               @Value("${encaisse.portal.max-promise-days:60}") int maxPromiseDays) {
        this.cases = cases;
        this.openInvoices = openInvoices;
        this.tenants = tenants;
        this.maxPromiseDays = maxPromiseDays;
    }

    public int maxPromiseDays() {
        return maxPromiseDays;
    }

    /** {@code invoiceIds} empty: the whole account. {@code amount} blank: everything due. */
    public Promise promise(UUID debtorId, String promisedOn, String amount, List<String> invoiceIds) {
        LocalDate today = tenants.today(TenantContext.tenantId());
        Map<UUID, Invoice> open = open(debtorId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = null;
        try {
            date = blank(promisedOn) ? null : LocalDate.parse(promisedOn.trim());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("promisedOn", promisedOn, "error.date"));
        }
        if (date == null && problems.isEmpty()) {
            problems.add(FieldProblem.of("promisedOn", "error.required"));
        } else if (date != null && (date.isBefore(today) || date.isAfter(today.plusDays(maxPromiseDays)))) {
            problems.add(FieldProblem.of("promisedOn", promisedOn, "error.window"));
        }
        List<UUID> chosen = invoices("invoiceIds", invoiceIds, open, problems);
        BigDecimal owed = (chosen.isEmpty() ? open.values().stream() : chosen.stream().map(open::get))
                .map(Invoice::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sum = amount(amount, owed, problems);
        if (open.isEmpty()) {
            problems.add(FieldProblem.of("invoiceIds", "error.nothing-due"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("promise refused", problems);
        }
        return cases.recordPromise(new NewPromise(debtorId, chosen, date, sum, "recorded by the debtor on the portal"));
    }

    public Dispute dispute(UUID debtorId, String invoiceId, String reason) {
        Map<UUID, Invoice> open = open(debtorId);
        List<FieldProblem> problems = new ArrayList<>();
        List<UUID> invoice = invoices("invoiceId", blank(invoiceId) ? List.of() : List.of(invoiceId), open, problems);
        if (invoice.isEmpty() && problems.isEmpty()) {
            problems.add(FieldProblem.of("invoiceId", "error.required"));
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            problems.add(FieldProblem.of("reason", "error.required"));
        } else if (text.length() > MAX_REASON) {
            problems.add(FieldProblem.of("reason", "error.too-long"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(FieldProblem.of("reason", "error.characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("dispute refused", problems);
        }
        try {
            return cases.openDispute(new NewDispute(debtorId, invoice.get(0), text, null));
        } catch (ConflictException e) {
            // The one conflict opening a dispute has: this invoice's dispute is still open.
            throw new InvalidInputException("dispute refused", List.of(FieldProblem.of("invoiceId", invoiceId, "error.already-disputed")));
        }
    }

    private Map<UUID, Invoice> open(UUID debtorId) {
        return openInvoices.of(debtorId).stream().collect(Collectors.toMap(Invoice::id, Function.identity()));
    }

    /** Only invoices the portal showed this debtor: anything else is refused like an unknown id. */
    private static List<UUID> invoices(String field, List<String> ids, Map<UUID, Invoice> open, List<FieldProblem> problems) {
        List<UUID> chosen = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            UUID uuid = uuid(id);
            if (uuid == null || !open.containsKey(uuid)) {
                problems.add(FieldProblem.of(field, id, "error.invoice"));
                return List.of();
            }
            if (!chosen.contains(uuid)) {
                chosen.add(uuid);
            }
        }
        return chosen;
    }

    private static BigDecimal amount(String raw, BigDecimal owed, List<FieldProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        // "1 200,50" as a French reader types it, or "1,200.50": spaces out; a lone comma is the decimal one.
        String s = raw.replaceAll("[\\s\u00a0\u202f€]", "");
        s = s.contains(".") ? s.replace(",", "") : s.replace(',', '.');
        try {
            BigDecimal amount = new BigDecimal(s);
            if (amount.signum() <= 0 || amount.scale() > 2) {
                problems.add(FieldProblem.of("amount", raw, "error.amount"));
            } else if (amount.compareTo(owed) > 0) {
                problems.add(FieldProblem.of("amount", raw, "error.amount-above-due"));
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("amount", raw, "error.amount"));
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
