package fr.encaisse.documents.web;

import fr.encaisse.documents.DocumentRenderingException;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.shared.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The documents module's own errors as RFC 9457 problems, like {@code shared.web.ApiProblems}. */
@RestControllerAdvice(basePackageClasses = DocumentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    @ExceptionHandler(RateNotAvailableException.class)
    ProblemDetail missingRates(RateNotAvailableException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()
                + ". Load the half-year's rates (PUT /api/v1/law/rates), or allow the flagged last-known-rate fallback"
                + " in the terms of sale (lastKnownRatesAllowed).");
        pd.setTitle("Rates not available");
        pd.setProperty("errors", List.of(FieldProblem.of("date", e.halfYear().toString(), "no rates for this half-year")));
        return pd;
    }

    @ExceptionHandler(DocumentRenderingException.class)
    ProblemDetail rendering(DocumentRenderingException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        pd.setTitle("Document could not be rendered");
        pd.setProperty("errors", List.of(new FieldProblem(e.line(), "template", null, e.getMessage())));
        return pd;
    }
}
