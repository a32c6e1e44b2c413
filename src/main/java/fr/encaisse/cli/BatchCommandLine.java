package fr.encaisse.cli;

import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Parses and runs one batch command. Exit codes: 0 done, 1 the input was refused (nothing
 * written), 2 wrong usage, 3 unknown tenant, 4 unreadable file.
 */
@Component
public class BatchCommandLine {

    /** The first words that make {@code main} start in batch mode instead of the web server. */
    public static final Set<String> COMMANDS = Set.of("import", "help");

    static final String USAGE = """
            Usage:
              import debtors|invoices --tenant <slug> [--dry-run] <file.csv>
            Exit codes: 0 done, 1 input refused (nothing written), 2 usage, 3 unknown tenant, 4 unreadable file""";

    private final Tenants tenants;
    private final Imports imports;

    BatchCommandLine(Tenants tenants, Imports imports) {
        this.tenants = tenants;
        this.imports = imports;
    }

    public int execute(PrintStream out, String... args) {
        if (args.length == 0 || !args[0].equals("import")) {
            out.println(USAGE);
            return args.length > 0 && args[0].equals("help") ? 0 : 2;
        }
        List<String> words = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean dryRun = words.remove("--dry-run");
        String slug = option(words, "--tenant");
        if (words.size() != 2 || slug == null || !Set.of("debtors", "invoices").contains(words.get(0))) {
            out.println(USAGE);
            return 2;
        }
        Optional<Tenant> tenant = tenants.bySlug(slug);
        if (tenant.isEmpty()) {
            out.println("Unknown tenant '" + slug + "'");
            return 3;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(words.get(1)));
        } catch (IOException e) {
            out.println("Cannot read " + words.get(1) + ": " + e.getMessage());
            return 4;
        }
        ImportKind kind = words.get(0).equals("debtors") ? ImportKind.DEBTORS : ImportKind.INVOICES;
        out.printf("Importing %s from %s into %s (%d bytes)%s%n", words.get(0), words.get(1), slug, content.length,
                dryRun ? " — dry run" : "");
        ImportReport report = TenantContext.runAs(tenant.get().id(), "cli:import",
                () -> imports.importCsv(kind, content, dryRun));
        out.printf("%d rows read (%s, separator '%c'): %d created or updated, %d unchanged%n", report.rows(),
                report.encoding(), report.separator(), report.created(), report.unchanged());
        for (FieldProblem p : report.errors()) {
            out.printf("  line %s, %s: %s%s%n", p.line() == null ? "-" : p.line(), p.field() == null ? "row" : p.field(),
                    p.value() == null ? "" : "'" + p.value() + "' ", p.message());
        }
        if (!report.ok()) {
            out.println(report.errors().size() + " problem(s): nothing was written.");
            return 1;
        }
        out.println(report.applied() ? "Done." : "Dry run: nothing was written.");
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
