package fr.encaisse.imports;

import fr.encaisse.shared.FieldProblem;
import java.util.List;

/**
 * What an import did. When {@code errors} is not empty nothing was written ({@code applied}
 * is false); a dry run never writes either.
 *
 * @param created   rows that created a debtor, invoice or credit note
 * @param unchanged rows already in the ledger with the same data (a re-import)
 */
public record ImportReport(ImportKind kind, String encoding, char separator, int rows, int created, int unchanged,
                           boolean applied, List<FieldProblem> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
