package fr.encaisse.imports.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of keys as a derived table, {@code (VALUES (?), (?), …) AS v(k)}, to join on. Both
 * databases then look each key up in the (tenant_id, key) index; H2 does not for
 * {@code tenant_id = ? AND key IN (…)}, where it reads every row of the tenant.
 */
final class ValuesList {

    private ValuesList() {
    }

    /** {@code (VALUES (CAST(? AS type)), …) AS alias(column)} for {@code n} values. */
    static String of(int n, String type, String alias, String column) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS ").append(type).append("))");
        }
        return sql.append(") AS ").append(alias).append('(').append(column).append(')').toString();
    }

    /** The tenant first, then the values: the order of the placeholders in {@code ... JOIN table ON tenant_id = ?}. */
    static List<Object> params(Object tenant, Collection<?> values, boolean tenantFirst) {
        List<Object> params = new ArrayList<>(values.size() + 1);
        if (tenantFirst) {
            params.add(tenant);
        }
        params.addAll(values);
        if (!tenantFirst) {
            params.add(tenant);
        }
        return params;
    }
}
