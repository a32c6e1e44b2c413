package fr.encaisse.sepa;

import java.util.Objects;

/**
 * A value given to the SEPA module is not acceptable. {@link #field()} names the offending field
 * (for example {@code debtorIban}); the message says which rule it breaks. Messages never echo a
 * full IBAN (personal data ends up in logs): IBANs are masked to country, check digits and the
 * last four characters.
 */
public class SepaValidationException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public SepaValidationException(String field, String reason) {
        this(field, reason, null, null);
    }

    private SepaValidationException(String field, String reason, String context, Throwable cause) {
        super((context == null ? "" : context + ": ") + field + " " + reason, cause);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The name of the field whose value was rejected, e.g. {@code creditorSchemeId}. */
    public String field() {
        return field;
    }

    /** Why the value was rejected, without the field name. */
    public String reason() {
        return reason;
    }

    /** The same error, its message prefixed by where it happened (e.g. {@code debit E2E-42}). */
    public SepaValidationException in(String context) {
        return new SepaValidationException(field, reason, context, this);
    }
}
