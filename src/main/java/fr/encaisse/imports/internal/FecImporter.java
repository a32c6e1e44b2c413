package fr.encaisse.imports.internal;

import fr.encaisse.imports.BooksSettings;
import fr.encaisse.imports.FecImportOptions;
import fr.encaisse.imports.FecImportReport;
import fr.encaisse.ledger.LedgerBatch;
import fr.encaisse.ledger.LedgerBatches;
import fr.encaisse.tenancy.TenantContext;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a FEC into the current tenant's ledger in one transaction: any problem, or a dry run,
 * and it rolls back whole. Ledger rows go through {@link LedgerBatches} (batched inserts, one
 * evidence entry for the import with the file's SHA-256 and a digest of the rows written).
 */
@Component
class FecImporter {

    private static final Logger log = LoggerFactory.getLogger(FecImporter.class);

    private final LedgerBatches batches;
    private final FecItems items;
    private final BooksSettingsStore settings;
    private final TransactionTemplate transactions;

    FecImporter(LedgerBatches batches, FecItems items, BooksSettingsStore settings, PlatformTransactionManager txManager) {
        this.batches = batches;
        this.items = items;
        this.settings = settings;
        this.transactions = new TransactionTemplate(txManager);
    }

    FecImportReport importFec(InputStream content, FecImportOptions options) {
        UUID tenant = TenantContext.tenantId();
        BooksSettingsStore.checkTerm(options.termDays(), "termDays");
        long started = System.nanoTime();
        UUID importId = UUID.randomUUID();
        MessageDigest sha256 = sha256();
        FecRun[] run = new FecRun[1];
        String[] fileHash = new String[1];
        boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
            BooksSettings books = settings.of(tenant);
            int termDays = options.termDays() != null ? options.termDays() : books.defaultTermDays();
            LedgerBatch batch = batches.open("fec");
            run[0] = new FecRun(batch, items, tenant, importId, termDays, books.customerAccountPrefix(), options.progress(),
                    options.sizeBytes());
            run[0].run(new DigestInputStream(content, sha256));
            fileHash[0] = HexFormat.of().formatHex(sha256.digest());
            if (!run[0].ok() || options.dryRun()) {
                status.setRollbackOnly();
                return false;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("importId", importId.toString());
            details.put("fileName", options.fileName());
            details.put("fileSha256", fileHash[0]);
            details.put("lines", run[0].lines);
            details.put("termDays", termDays);
            batch.close(details);
            return true;
        }));
        FecRun r = run[0];
        int termDays = options.termDays() != null ? options.termDays() : settings.of(tenant).defaultTermDays();
        long millis = (System.nanoTime() - started) / 1_000_000;
        options.progress().progress("done", r.lines, -1, options.sizeBytes());
        log.info("FEC import {} for tenant {}: {} lines in {} ms, {} errors, applied {}", importId, tenant, r.lines, millis,
                r.errorCount, applied);
        return new FecImportReport(importId, options.fileName(), fileHash[0],
                r.encoding(), r.separator(), r.amountColumns(), r.lines, r.entries(), r.customerLines, termDays,
                "The FEC has no due dates: each invoice is due " + termDays + " days after its date (PieceDate, else EcritureDate)",
                new FecImportReport.Created(r.debtorsCreated, r.invoicesCreated, r.creditNotesCreated, r.paymentsCreated,
                        r.allocationsMade),
                new FecImportReport.Updated(r.newlyLettered, r.matchedInvoices, r.matchedPayments, r.invoicesSettled),
                r.unchanged, r.skipped(), List.copyOf(r.warnings), r.warningCount, options.dryRun(), applied,
                List.copyOf(r.errors), r.errorCount, millis);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
