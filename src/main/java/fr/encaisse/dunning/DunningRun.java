package fr.encaisse.dunning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The run: for each tenant, in one transaction, reads the open invoices (streaming), decides in
 * memory which step is due for each (from its due date, its last step, pauses, conditions and the
 * debtor's contact gap), re-reads the balances of those it will chase, and writes the actions,
 * the new state and the messages together. An action is unique per (invoice, step), and runs of
 * one tenant are serialised by a lock row: two nodes, a retry or a restart never chase a step twice;
 * a step missed on its day is taken by the next run, once.
 */
public interface DunningRun {

    /** Runs the current tenant as of a date (past dates catch up; the run is idempotent). */
    RunReport run(LocalDate asOf);

    /**
     * Runs these tenants one after the other, each committed before the next starts; {@code asOf}
     * null = each tenant's today. {@code afterEachTenant} sees each committed report (progress output);
     * if it throws, the remaining tenants are not run.
     */
    List<RunReport> runTenants(Collection<UUID> tenantIds, LocalDate asOf, String trigger,
                               Consumer<RunReport> afterEachTenant);

    /** Every tenant with the daily run on, as of its today (the scheduler's task). */
    List<RunReport> runDaily();

    /** Decides for the current tenant without writing anything. */
    Evaluation evaluate(LocalDate asOf);

    boolean isBusinessDay(LocalDate date);

    DunningSettings settings();

    DunningSettings updateSettings(DunningSettings settings);
}
