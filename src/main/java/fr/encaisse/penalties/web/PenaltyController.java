package fr.encaisse.penalties.web;

import fr.encaisse.law.PaymentTermVerdict;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.law.RateTableFormatException;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PenaltyController {

    private final Penalties penalties;
    private final Tenants tenants;
    private final String operatorToken;

    PenaltyController(Penalties penalties, Tenants tenants, @Value("${encaisse.operator-token:}") String operatorToken) {
        this.penalties = penalties;
        this.tenants = tenants;
        this.operatorToken = operatorToken;
    }

    /** Interest, €40 indemnity and total claimable on an invoice, as of a date (default today). */
    @GetMapping("/api/v1/invoices/{id}/penalties")
    PenaltyView invoice(@PathVariable UUID id, @RequestParam(required = false) LocalDate asOf,
                        @RequestParam(defaultValue = "fr") String lang) {
        return PenaltyView.of(penalties.forInvoice(id, date(asOf)), locale(lang));
    }

    @GetMapping("/api/v1/debtors/{id}/penalties")
    PenaltyView debtor(@PathVariable UUID id, @RequestParam(required = false) LocalDate asOf,
                       @RequestParam(defaultValue = "fr") String lang) {
        return PenaltyView.of(penalties.forDebtor(id, date(asOf)), locale(lang));
    }

    /** Whether the invoice's payment term respects Code de commerce L441-10 I. */
    @GetMapping("/api/v1/invoices/{id}/term-check")
    TermCheckView termCheck(@PathVariable UUID id, @RequestParam(defaultValue = "fr") String lang) {
        PaymentTermVerdict v = penalties.termCheck(id);
        return new TermCheckView(v.status().name(), v.compliant(), v.limitDate(), v.daysBeyondLimit(), v.legalBasis(),
                v.explain(locale(lang)));
    }

    record TermCheckView(String status, boolean compliant, LocalDate limitDate, long daysBeyondLimit, String legalBasis,
                         String explanation) {
    }

    @GetMapping("/api/v1/terms-of-sale")
    TermsOfSale tenantTerms() {
        return penalties.termsOfSale(null);
    }

    @PutMapping("/api/v1/terms-of-sale")
    TermsOfSale setTenantTerms(@RequestBody TermsOfSale terms) {
        penalties.setTermsOfSale(null, terms);
        return penalties.termsOfSale(null);
    }

    @GetMapping("/api/v1/debtors/{id}/terms-of-sale")
    TermsOfSale debtorTerms(@PathVariable UUID id) {
        return penalties.termsOfSale(id);
    }

    @PutMapping("/api/v1/debtors/{id}/terms-of-sale")
    TermsOfSale setDebtorTerms(@PathVariable UUID id, @RequestBody TermsOfSale terms) {
        penalties.setTermsOfSale(id, terms);
        return penalties.termsOfSale(id);
    }

    /** The rate table in force (ECB and legal rates per half-year), in its text format. */
    @GetMapping(value = "/api/v1/law/rates", produces = MediaType.TEXT_PLAIN_VALUE)
    String rates() {
        return penalties.rates().toText();
    }

    /**
     * Replaces the rate table for all tenants. The table is law, not a tenant setting, so a tenant's
     * API key is not enough: the operator token ({@code encaisse.operator-token}) is required too, and
     * the endpoint is closed when no token is configured.
     */
    @PutMapping(value = "/api/v1/law/rates", consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> loadRates(@RequestHeader(value = "X-Operator-Token", required = false) String token,
                                     @RequestBody String table) {
        if (operatorToken.isBlank() || token == null || !MessageDigest.isEqual(
                operatorToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("An operator token is required to change the rate table");
        }
        penalties.loadRates(table, TenantContext.actor());
        return ResponseEntity.ok(penalties.rates().toText());
    }

    @ExceptionHandler(RateNotAvailableException.class)
    ProblemDetail missingRates(RateNotAvailableException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()
                + ". Load the half-year's rates (PUT /api/v1/law/rates), or allow the flagged last-known-rate"
                + " fallback in the terms of sale (lastKnownRatesAllowed).");
        pd.setTitle("Rates not available");
        pd.setProperty("errors", List.of(FieldProblem.of("asOf", e.halfYear().toString(), "no rates for this half-year")));
        return pd;
    }

    @ExceptionHandler(RateTableFormatException.class)
    ProblemDetail badTable(RateTableFormatException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        pd.setTitle("Invalid rate table");
        pd.setProperty("errors", List.of(new FieldProblem(e.line(), "rates", null, e.getMessage())));
        return pd;
    }

    private LocalDate date(LocalDate asOf) {
        return asOf != null ? asOf : tenants.today(TenantContext.tenantId());
    }

    private static Locale locale(String lang) {
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.FRENCH;
    }
}
