package fr.encaisse.shared.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts rows {@value #ROWS} at a time per statement ({@code INSERT … VALUES (…), (…), …}),
 * statements sent in one JDBC batch: far fewer round trips and statement executions than one
 * statement per row, on PostgreSQL and on H2 alike.
 */
public final class MultiRowInsert {

    public static final int ROWS = 100;

    private MultiRowInsert() {
    }

    /**
     * @param insert  {@code INSERT INTO t (a, b, c) VALUES}
     * @param types   the SQL type of each column, for nulls
     */
    public static void insert(JdbcTemplate jdbc, String insert, int[] types, List<Object[]> rows) {
        int full = rows.size() / ROWS;
        if (full > 0) {
            jdbc.batchUpdate(sql(insert, types.length, ROWS), new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    bind(ps, types, rows.subList(i * ROWS, (i + 1) * ROWS));
                }

                @Override
                public int getBatchSize() {
                    return full;
                }
            });
        }
        List<Object[]> rest = rows.subList(full * ROWS, rows.size());
        if (!rest.isEmpty()) {
            jdbc.update(sql(insert, types.length, rest.size()), ps -> bind(ps, types, rest));
        }
    }

    private static String sql(String insert, int columns, int rows) {
        StringBuilder row = new StringBuilder("(");
        for (int c = 0; c < columns; c++) {
            row.append(c == 0 ? "?" : ", ?");
        }
        row.append(')');
        StringBuilder sql = new StringBuilder(insert.length() + rows * (row.length() + 2)).append(insert).append(' ');
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, int[] types, List<Object[]> rows) throws SQLException {
        int p = 1;
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++, p++) {
                if (row[c] == null) {
                    ps.setNull(p, types[c]);
                } else {
                    ps.setObject(p, row[c]);
                }
            }
        }
    }
}
