package fr.encaisse.shared;

/**
 * One thing wrong with an input, named so that a person can fix it.
 *
 * @param line   1-based line of a file, or null for API requests
 * @param field  the field or column name
 * @param value  the offending value as received (may be null)
 * @param message what is wrong, in plain words
 */
public record FieldProblem(Integer line, String field, String value, String message) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(null, field, null, message);
    }

    public static FieldProblem of(String field, String value, String message) {
        return new FieldProblem(null, field, value, message);
    }
}
