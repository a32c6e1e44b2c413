package fr.encaisse.imports.internal;

import fr.encaisse.imports.AccountingSettings;
import fr.encaisse.imports.BooksSettings;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class BooksSettingsStore implements AccountingSettings {

    private static final String ACCOUNT = "[0-9A-Za-z]{3,20}";
    private static final String JOURNAL = "[0-9A-Za-z]{1,10}";

    private final JdbcClient jdbc;
    private final Clock clock;

    BooksSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public BooksSettings get() {
        return of(TenantContext.tenantId());
    }

    BooksSettings of(UUID tenant) {
        return jdbc.sql("SELECT * FROM books_setting WHERE tenant_id = ?").param(tenant)
                .query((rs, n) -> new BooksSettings(rs.getInt("default_term_days"), rs.getString("customer_account_prefix"),
                        rs.getString("customer_account"), rs.getString("bank_account"), rs.getString("suspense_account"),
                        rs.getString("bank_journal"), rs.getString("misc_journal")))
                .optional().orElse(BooksSettings.DEFAULTS);
    }

    @Override
    @Transactional
    public BooksSettings save(BooksSettings s) {
        check(s);
        UUID tenant = TenantContext.tenantId();
        int updated = jdbc.sql("""
                        UPDATE books_setting SET default_term_days = ?, customer_account_prefix = ?, customer_account = ?,
                            bank_account = ?, suspense_account = ?, bank_journal = ?, misc_journal = ?, updated_at = ?
                        WHERE tenant_id = ?""")
                .params(s.defaultTermDays(), s.customerAccountPrefix(), s.customerAccount(), s.bankAccount(),
                        s.suspenseAccount(), s.bankJournal(), s.miscJournal(), OffsetDateTime.now(clock), tenant)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO books_setting (tenant_id, default_term_days, customer_account_prefix, customer_account,
                                bank_account, suspense_account, bank_journal, misc_journal, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant, s.defaultTermDays(), s.customerAccountPrefix(), s.customerAccount(), s.bankAccount(),
                            s.suspenseAccount(), s.bankJournal(), s.miscJournal(), OffsetDateTime.now(clock))
                    .update();
        }
        return of(tenant);
    }

    static void checkTerm(Integer days, String field) {
        if (days != null && (days < 0 || days > 366)) {
            throw new InvalidInputException(FieldProblem.of(field, String.valueOf(days), "must be between 0 and 366 days"));
        }
    }

    private static void check(BooksSettings s) {
        List<FieldProblem> p = new ArrayList<>();
        if (s.defaultTermDays() < 0 || s.defaultTermDays() > 366) {
            p.add(FieldProblem.of("defaultTermDays", String.valueOf(s.defaultTermDays()), "must be between 0 and 366 days"));
        }
        if (s.customerAccountPrefix() == null || !s.customerAccountPrefix().matches("[0-9]{2,10}")) {
            p.add(FieldProblem.of("customerAccountPrefix", s.customerAccountPrefix(), "must be 2 to 10 digits (e.g. 411)"));
        }
        account(p, "customerAccount", s.customerAccount());
        account(p, "bankAccount", s.bankAccount());
        account(p, "suspenseAccount", s.suspenseAccount());
        if (s.customerAccount() != null && s.customerAccount().matches(ACCOUNT) && s.customerAccountPrefix() != null
                && !s.customerAccount().startsWith(s.customerAccountPrefix())) {
            p.add(FieldProblem.of("customerAccount", s.customerAccount(), "must start with the customer account prefix "
                    + s.customerAccountPrefix()));
        }
        for (String[] j : new String[][] {{"bankJournal", s.bankJournal()}, {"miscJournal", s.miscJournal()}}) {
            if (j[1] == null || !j[1].matches(JOURNAL)) {
                p.add(FieldProblem.of(j[0], j[1], "must be 1 to 10 letters or digits"));
            }
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException("Invalid books settings", p);
        }
    }

    private static void account(List<FieldProblem> p, String field, String value) {
        if (value == null || !value.matches(ACCOUNT)) {
            p.add(FieldProblem.of(field, value, "must be an account number of 3 to 20 letters or digits"));
        }
    }
}
