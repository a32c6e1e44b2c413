package fr.encaisse.imports.internal;

import fr.encaisse.imports.AccountingEntry;
import fr.encaisse.imports.AccountingEntrySource;
import fr.encaisse.imports.AccountingExport;
import fr.encaisse.imports.BooksSettings;
import fr.encaisse.imports.CustomerAccount;
import fr.encaisse.imports.ExportContext;
import fr.encaisse.imports.ExportFormat;
import fr.encaisse.imports.ExportSummary;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link AccountingEntrySource} for a period, checks each entry is balanced, numbers
 * entries within their journal and streams them out as FEC or CSV, all in one read-only
 * transaction (one consistent view of the ledger).
 */
@Service
class AccountingExporter implements AccountingExport {

    static final int MAX_DAYS = 366;

    private final ObjectProvider<AccountingEntrySource> sources;
    private final Ledger ledger;
    private final FecItems items;
    private final BooksSettingsStore settings;
    private final TransactionTemplate readOnly;

    AccountingExporter(ObjectProvider<AccountingEntrySource> sources, Ledger ledger, FecItems items,
                       BooksSettingsStore settings, PlatformTransactionManager txManager) {
        this.sources = sources;
        this.ledger = ledger;
        this.items = items;
        this.settings = settings;
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        List<FieldProblem> p = new ArrayList<>();
        if (from == null) {
            p.add(FieldProblem.of("from", "is required (yyyy-MM-dd)"));
        }
        if (to == null) {
            p.add(FieldProblem.of("to", "is required (yyyy-MM-dd)"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            p.add(FieldProblem.of("to", to.toString(), "is before from"));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            p.add(FieldProblem.of("to", to.toString(), "the period may not exceed " + MAX_DAYS + " days"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException("Invalid export period", p);
        }
    }

    @Override
    public ExportSummary export(LocalDate from, LocalDate to, ExportFormat format, OutputStream out) {
        checkPeriod(from, to);
        UUID tenant = TenantContext.tenantId();
        return readOnly.execute(status -> {
            Context context = new Context(tenant, from, to, settings.of(tenant));
            EntryWriter writer = format == ExportFormat.FEC ? EntryWriter.fec(out) : EntryWriter.csv(out);
            Map<String, Integer> numbers = new HashMap<>();
            Map<String, Integer> bySource = new LinkedHashMap<>();
            int[] totals = new int[2];
            sources.orderedStream().forEach(source -> {
                bySource.put(source.name(), 0);
                source.entries(context, entry -> {
                    check(entry, source);
                    int number = numbers.merge(entry.journalCode(), 1, Integer::sum);
                    writer.write(entry, number, source.name());
                    bySource.merge(source.name(), 1, Integer::sum);
                    totals[0]++;
                    totals[1] += entry.lines().size();
                });
            });
            writer.finish();
            return new ExportSummary(totals[0], totals[1], bySource);
        });
    }

    /** A source that hands out an unbalanced entry has a bug: better no file than a wrong one. */
    private static void check(AccountingEntry e, AccountingEntrySource source) {
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (AccountingEntry.Line l : e.lines()) {
            if (l.account() == null || l.account().isBlank() || l.debit().signum() < 0 || l.credit().signum() < 0
                    || (l.debit().signum() > 0) == (l.credit().signum() > 0)) {
                throw new IllegalStateException("Source " + source.name() + " wrote a line with no account or not on one side: " + l);
            }
            debit = debit.add(l.debit());
            credit = credit.add(l.credit());
        }
        if (e.lines().size() < 2 || debit.compareTo(credit) != 0) {
            throw new IllegalStateException("Source " + source.name() + " wrote an unbalanced entry: " + e);
        }
    }

    private final class Context implements ExportContext {
        private final UUID tenant;
        private final LocalDate from;
        private final LocalDate to;
        private final BooksSettings books;
        private final Map<UUID, CustomerAccount> accounts = new HashMap<>();

        Context(UUID tenant, LocalDate from, LocalDate to, BooksSettings books) {
            this.tenant = tenant;
            this.from = from;
            this.to = to;
            this.books = books;
        }

        @Override
        public LocalDate from() {
            return from;
        }

        @Override
        public LocalDate to() {
            return to;
        }

        @Override
        public BooksSettings settings() {
            return books;
        }

        @Override
        public CustomerAccount customerAccount(UUID debtorId) {
            return accounts.computeIfAbsent(debtorId, id -> {
                Debtor d = ledger.debtor(id);
                Optional<String[]> known = items.account(tenant, id);
                if (known.isPresent() && known.get()[1] != null) {
                    return new CustomerAccount(known.get()[0], "Clients", known.get()[1], d.legalName());
                }
                if (known.isPresent()) {
                    return new CustomerAccount(known.get()[0], d.legalName(), null, null);
                }
                return new CustomerAccount(books.customerAccount(), "Clients", d.reference(), d.legalName());
            });
        }

        @Override
        public Set<UUID> fromBooks(Collection<UUID> ledgerIds) {
            return ledgerIds.isEmpty() ? Set.of() : items.fromBooks(tenant, ledgerIds);
        }

        @Override
        public Set<UUID> allocationsFromBooks(Collection<UUID> allocationIds) {
            return allocationIds.isEmpty() ? Set.of() : items.allocationsFromBooks(tenant, allocationIds);
        }
    }
}
