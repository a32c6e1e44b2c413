package fr.encaisse.dunning;

import fr.encaisse.communication.Outbox;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code dunning run --tenant <slug> [--as-of <yyyy-MM-dd>] [--no-send]}: runs one tenant's dunning
 * as of a date (default: the tenant's today), then sends the messages it queued (unless
 * {@code --no-send}: the server's dispatcher will). Exit codes as the other batch commands:
 * 0 done, 1 the run failed (nothing written), 2 usage, 3 unknown tenant.
 */
@Component
public class DunningCommandLine {

    public static final String USAGE = "  dunning run --tenant <slug> [--as-of <yyyy-MM-dd>] [--no-send]";

    private final Tenants tenants;
    private final DunningRun run;
    private final Outbox outbox;

    DunningCommandLine(Tenants tenants, DunningRun run, Outbox outbox) {
        this.tenants = tenants;
        this.run = run;
        this.outbox = outbox;
    }

    /** {@code args} as typed, starting with {@code dunning}. */
    public int execute(PrintStream out, String... args) {
        List<String> words = new ArrayList<>(List.of(args));
        if (words.size() < 2 || !words.get(0).equals("dunning") || !words.get(1).equals("run")) {
            out.println("Usage:\n" + USAGE);
            return 2;
        }
        words = new ArrayList<>(words.subList(2, words.size()));
        boolean send = !words.remove("--no-send");
        String slug = option(words, "--tenant");
        String asOfText = option(words, "--as-of");
        if (slug == null || !words.isEmpty()) {
            out.println("Usage:\n" + USAGE);
            return 2;
        }
        Optional<Tenant> tenant = tenants.bySlug(slug);
        if (tenant.isEmpty()) {
            out.println("Unknown tenant '" + slug + "'");
            return 3;
        }
        LocalDate asOf;
        try {
            asOf = asOfText == null ? tenants.today(tenant.get().id()) : LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
            out.println("--as-of: '" + asOfText + "' is not a date (yyyy-MM-dd)");
            return 2;
        }
        RunReport r;
        try {
            r = run.runTenants(List.of(tenant.get().id()), asOf, "CLI", x -> {
            }).get(0);
        } catch (RuntimeException e) {
            out.println("The run failed, nothing was written: " + e.getMessage());
            return 1;
        }
        if (!r.businessDay()) {
            out.println(asOf + " is not a business day in France: nothing is sent on weekends and public holidays.");
            return 0;
        }
        out.printf("Dunning run for %s as of %s: %d open invoices read, %d contacts (%d drafted for review), %d steps taken;"
                        + " %d paused, %d awaiting review, %d waiting for the contact gap, %d found paid. (%d ms)%n",
                slug, asOf, r.invoicesRead(), r.contacts(), r.drafted(), r.actions(), r.paused(), r.held(), r.deferred(),
                r.settled(), r.millis());
        if (send) {
            int processed = TenantContext.runAs(tenant.get().id(), "cli:dunning", () -> outbox.dispatchDue());
            out.printf("%d message(s) processed; failures are listed by GET /api/v1/communication/dead-letters.%n", processed);
        }
        return 0;
    }

    private static String option(List<String> words, String name) {
        int i = words.indexOf(name);
        if (i < 0 || i + 1 >= words.size()) {
            return null;
        }
        String value = words.get(i + 1);
        words.remove(i + 1);
        words.remove(i);
        return value;
    }
}
