package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.SepaIdentifiers;
import fr.encaisse.sepa.SepaValidationException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects what is wrong with a request, each problem naming the API field, and throws them all
 * at once as an {@link InvalidInputException} (RFC 9457 with an {@code errors} list).
 */
final class Problems {

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String value, String message) {
        problems.add(FieldProblem.of(field, value, message));
    }

    void add(String field, String message) {
        problems.add(FieldProblem.of(field, message));
    }

    /**
     * Runs a check of the pure core; its {@link SepaValidationException} becomes a problem on
     * {@code field}. IBANs are not echoed (personal data); other values are.
     */
    <T> T check(String field, String value, Supplier<T> check) {
        try {
            return check.get();
        } catch (SepaValidationException e) {
            problems.add(FieldProblem.of(field, field.toLowerCase().contains("iban") ? null : value, e.reason()));
            return null;
        }
    }

    String iban(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return check(field, value, () -> SepaIdentifiers.requireIban(field, value));
    }

    String optionalBic(String field, String value) {
        return check(field, value, () -> SepaIdentifiers.optionalBic(field, value));
    }

    String umr(String field, String value) {
        return check(field, value, () -> SepaIdentifiers.requireMandateReference(field, value));
    }

    String creditorId(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return check(field, value, () -> SepaIdentifiers.requireCreditorId(field, value));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            String summary = problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b)
                    .orElse("invalid");
            throw new InvalidInputException(summary, problems);
        }
    }

    static InvalidInputException of(String field, String value, String message) {
        return new InvalidInputException(FieldProblem.of(field, value, message));
    }
}
