package fr.encaisse.imports.internal;

import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.ImportProfile;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.shared.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a CSV import inside one transaction. Every row is tried and every problem collected
 * with its line and column; the transaction commits only when there are none, so a file goes
 * in whole or not at all.
 */
@Component
class CsvImporter {

    private final Ledger ledger;
    private final TransactionTemplate transactions;
    private final int maxRows;

    CsvImporter(Ledger ledger, PlatformTransactionManager txManager, @Value("${encaisse.imports.max-lines}") int maxRows) {
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(txManager);
        this.maxRows = maxRows;
    }

    /** @param profile how to read the file, or null to detect everything */
    ImportReport importCsv(ImportKind kind, byte[] content, boolean dryRun, ImportProfile profile) {
        CsvDialect dialect = ProfileStore.dialect(profile);
        CsvTable table = CsvTable.parse(content, dialect, Integer.MAX_VALUE);
        // File-level problems stop before any row; a row of the wrong width is reported with the others.
        List<FieldProblem> errors = new ArrayList<>(table.fileProblems);
        if (table.rows.size() > maxRows) {
            errors.add(new FieldProblem(null, null, null, "the file has " + table.rows.size() + " rows; the limit is " + maxRows));
        }
        ColumnMap cols = ColumnMap.resolve(kind, table.header, profile == null ? Map.of() : profile.columns(), errors);
        for (Columns c : Columns.required(kind)) {
            if (!table.header.isEmpty() && cols.column(c).isEmpty()) {
                errors.add(new FieldProblem(1, c.canonical(), null, "required column is missing from the header"));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(kind, table.encoding.name(), table.separator, table.rows.size(), 0, 0, false, errors);
        }
        errors.addAll(table.shapeProblems);
        RowImporter rows = new RowImporter(ledger, cols, dialect, errors);
        boolean applied = Boolean.TRUE.equals(transactions.execute(status -> {
            for (CsvTable.Row row : table.rows) {
                if (kind == ImportKind.DEBTORS) {
                    rows.debtor(row);
                } else {
                    rows.invoice(row);
                }
            }
            if (!errors.isEmpty() || dryRun) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
        return new ImportReport(kind, table.encoding.name(), table.separator, table.rows.size(), rows.created(),
                rows.unchanged(), applied, errors);
    }
}
