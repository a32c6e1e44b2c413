package fr.encaisse.imports.internal;

import fr.encaisse.imports.ImportKind;
import fr.encaisse.shared.FieldProblem;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which header column holds each documented field: the profile's explicit choice first, then
 * the names the column goes by in French accounting software ({@link Columns}).
 */
final class ColumnMap {

    private final Map<Columns, String> resolved = new EnumMap<>(Columns.class);

    private ColumnMap() {
    }

    /**
     * @param header   normalised header names
     * @param explicit documented field name → header name as written in the file (a profile), may be empty
     * @param problems where a mapping that names no header column is reported (line 1)
     */
    static ColumnMap resolve(ImportKind kind, List<String> header, Map<String, String> explicit, List<FieldProblem> problems) {
        ColumnMap map = new ColumnMap();
        Set<String> used = new HashSet<>();
        explicit.forEach((field, column) -> {
            Optional<Columns> c = Columns.byCanonical(kind, field);
            String name = column == null ? "" : CsvTable.normalise(column);
            if (c.isEmpty()) {
                problems.add(new FieldProblem(1, field, column, "is not a column of " + kind.name().toLowerCase() + " files"));
            } else if (!header.contains(name)) {
                problems.add(new FieldProblem(1, field, column, "the profile maps it to a column the header does not have"));
            } else {
                map.resolved.put(c.get(), name);
                used.add(name);
            }
        });
        for (Columns c : Columns.of(kind)) {
            if (!map.resolved.containsKey(c)) {
                c.in(header).filter(n -> !used.contains(n)).ifPresent(n -> map.resolved.put(c, n));
            }
        }
        return map;
    }

    /** The normalised header name of the column holding {@code c}, if any. */
    Optional<String> column(Columns c) {
        return Optional.ofNullable(resolved.get(c));
    }

    String value(Map<String, String> row, Columns c) {
        String name = resolved.get(c);
        if (name == null) {
            return null;
        }
        String v = row.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
