package fr.encaisse.shared;

import java.util.List;

/** Input that breaks a rule; carries every problem found, not just the first. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(FieldProblem problem) {
        this(problem.field() + ": " + problem.message(), List.of(problem));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(FieldProblem.of(field, message));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
