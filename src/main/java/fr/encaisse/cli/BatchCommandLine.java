package fr.encaisse.cli;

import fr.encaisse.dunning.DunningCommandLine;
import fr.encaisse.imports.AccountingExport;
import fr.encaisse.imports.ExportFormat;
import fr.encaisse.imports.ExportSummary;
import fr.encaisse.imports.FecImportOptions;
import fr.encaisse.imports.FecImportReport;
import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportProgress;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Parses and runs one batch command. Exit codes: 0 done, 1 the input was refused (nothing
 * written), 2 wrong usage, 3 unknown tenant, 4 unreadable file (or unwritable, for exports).
 */
@Component
public class BatchCommandLine {

    /** The first words that make {@code main} start in batch mode instead of the web server. */
    public static final Set<String> COMMANDS = Set.of("import", "export", "dunning", "help");

    static final String USAGE = """
            Usage:
              import debtors|invoices --tenant <slug> [--dry-run] [--profile <name>] <file.csv>
              import fec --tenant <slug> [--dry-run] [--term-days <days>] <file>
              export accounting --tenant <slug> --from <yyyy-MM-dd> --to <yyyy-MM-dd> [--format fec|csv] <file>
            """ + DunningCommandLine.USAGE + """

            Exit codes: 0 done, 1 input refused (nothing written), 2 usage, 3 unknown tenant, 4 unreadable or unwritable file""";

    private final Tenants tenants;
    private final Imports imports;
    private final AccountingExport export;
    private final DunningCommandLine dunning;

    BatchCommandLine(Tenants tenants, Imports imports, AccountingExport export, DunningCommandLine dunning) {
        this.tenants = tenants;
        this.imports = imports;
        this.export = export;
        this.dunning = dunning;
    }

    public int execute(PrintStream out, String... args) {
        if (args.length > 0 && args[0].equals("dunning")) {
            return dunning.execute(out, args);
        }
        if (args.length == 0 || !Set.of("import", "export").contains(args[0])) {
            out.println(USAGE);
            return args.length > 0 && args[0].equals("help") ? 0 : 2;
        }
        List<String> words = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean dryRun = words.remove("--dry-run");
        String slug = option(words, "--tenant");
        String profile = option(words, "--profile");
        String termDays = option(words, "--term-days");
        String from = option(words, "--from");
        String to = option(words, "--to");
        String format = option(words, "--format");
        boolean isExport = args[0].equals("export");
        Set<String> what = isExport ? Set.of("accounting") : Set.of("debtors", "invoices", "fec");
        if (words.size() != 2 || slug == null || !what.contains(words.get(0))
                || (isExport && (from == null || to == null)) || (!isExport && (from != null || to != null))) {
            out.println(USAGE);
            return 2;
        }
        Optional<Tenant> tenant = tenants.bySlug(slug);
        if (tenant.isEmpty()) {
            out.println("Unknown tenant '" + slug + "'");
            return 3;
        }
        Path file = Path.of(words.get(1));
        try {
            if (isExport) {
                return exportAccounting(out, tenant.get(), from, to, format, file);
            }
            if (words.get(0).equals("fec")) {
                return importFec(out, tenant.get(), dryRun, termDays, file);
            }
            return importCsv(out, tenant.get(), words.get(0), dryRun, profile, file);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> print(out, p));
            out.println(e.getMessage());
            return 1;
        }
    }

    private int importCsv(PrintStream out, Tenant tenant, String what, boolean dryRun, String profile, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return 4;
        }
        ImportKind kind = what.equals("debtors") ? ImportKind.DEBTORS : ImportKind.INVOICES;
        out.printf("Importing %s from %s into %s (%d bytes)%s%n", what, file, tenant.slug(), content.length,
                dryRun ? " — dry run" : "");
        ImportReport report = TenantContext.runAs(tenant.id(), "cli:import",
                () -> imports.importCsv(kind, content, dryRun, profile));
        out.printf("%d rows read (%s, separator '%c'): %d created or updated, %d unchanged%n", report.rows(),
                report.encoding(), report.separator(), report.created(), report.unchanged());
        report.errors().forEach(p -> print(out, p));
        if (!report.ok()) {
            out.println(report.errors().size() + " problem(s): nothing was written.");
            return 1;
        }
        out.println(report.applied() ? "Done." : "Dry run: nothing was written.");
        return 0;
    }

    private int importFec(PrintStream out, Tenant tenant, boolean dryRun, String termDays, Path file) {
        Integer days;
        try {
            days = termDays == null ? null : Integer.valueOf(termDays);
        } catch (NumberFormatException e) {
            out.println("--term-days must be a number of days, not '" + termDays + "'");
            return 2;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return 4;
        }
        out.printf("Importing the FEC %s into %s (%,d bytes)%s%n", file, tenant.slug(), size, dryRun ? " — dry run" : "");
        ImportProgress progress = new ImportProgress() {
            private long nextPercent = 10;

            @Override
            public void progress(String phase, long lines, long bytesRead, long totalBytes) {
                if (phase.equals("reading") && totalBytes > 0 && 100 * bytesRead / totalBytes >= nextPercent && bytesRead < totalBytes) {
                    out.printf("  reading: %d%% (%,d lines)%n", 100 * bytesRead / totalBytes, lines);
                    nextPercent = 100 * bytesRead / totalBytes / 10 * 10 + 10;
                } else if (phase.equals("lettering") && lines % 50_000 == 0) {
                    out.printf("  lettering: %,d groups settled%n", lines);
                }
            }
        };
        FecImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = TenantContext.runAs(tenant.id(), "cli:import",
                    () -> imports.importFec(in, new FecImportOptions(dryRun, days, file.getFileName().toString(), size, progress)));
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return 4;
        }
        out.printf("%,d lines, %,d entries, %,d on customer accounts (%s, separator %s, %s) in %,d ms%n", report.lines(),
                report.entries(), report.customerLines(), report.encoding(), report.separator(), report.amountColumns(),
                report.millis());
        if (report.ok()) {
            FecImportReport.Created c = report.created();
            FecImportReport.Updated u = report.updated();
            out.printf("Created: %d debtors, %d invoices, %d credit notes, %d payments, %d allocations%n", c.debtors(),
                    c.invoices(), c.creditNotes(), c.payments(), c.allocations());
            out.printf("Updated: %d lines newly lettered, %d invoices settled, %d invoices and %d payments matched to Encaisse's%n",
                    u.newlyLettered(), u.invoicesSettled(), u.matchedInvoices(), u.matchedPayments());
            out.printf("Unchanged: %d lines already imported%n", report.unchanged());
            report.skipped().forEach(s -> out.printf("Skipped: %d lines, %s (e.g. line %s)%n", s.lines(), s.reason(),
                    s.firstLines().isEmpty() ? "-" : s.firstLines().get(0)));
            out.println(report.dueDates());
            report.warnings().forEach(w -> out.println("  warning: " + w));
        }
        report.errors().forEach(p -> print(out, p));
        if (!report.ok()) {
            out.println(report.errorCount() + " problem(s): nothing was written.");
            return 1;
        }
        out.println(report.applied() ? "Done." : "Dry run: nothing was written.");
        return 0;
    }

    private int exportAccounting(PrintStream out, Tenant tenant, String from, String to, String format, Path file) {
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from);
            end = LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            out.println("--from and --to are dates written yyyy-MM-dd");
            return 2;
        }
        ExportFormat f = format == null || format.equalsIgnoreCase("fec") ? ExportFormat.FEC
                : format.equalsIgnoreCase("csv") ? ExportFormat.CSV : null;
        if (f == null) {
            out.println("--format is fec or csv");
            return 2;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        ExportSummary summary;
        boolean written = false;
        try {
            try (OutputStream os = Files.newOutputStream(partial)) {
                summary = TenantContext.runAs(tenant.id(), "cli:export", () -> export.export(start, end, f, os));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            written = true;
        } catch (IOException e) {
            out.println("Cannot write " + file + ": " + e.getMessage());
            return 4;
        } finally {
            if (!written) {
                deleteQuietly(partial);
            }
        }
        out.printf("%d entries (%d lines) from %s to %s written to %s: %s%n", summary.entries(), summary.lines(), start, end,
                file, summary.entriesBySource());
        return 0;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file says the export did not finish
        }
    }

    private static void print(PrintStream out, FieldProblem p) {
        out.printf("  line %s, %s: %s%s%n", p.line() == null ? "-" : p.line(), p.field() == null ? "row" : p.field(),
                p.value() == null ? "" : "'" + p.value() + "' ", p.message());
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
