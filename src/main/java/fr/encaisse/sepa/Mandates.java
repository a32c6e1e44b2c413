package fr.encaisse.sepa;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The current tenant's SEPA mandates: created pending signature, signed, amended, revoked;
 * expired after 36 months without a collection. Another tenant's mandate, or debtor, is reported
 * as not found; an invalid IBAN, BIC or UMR as {@link fr.encaisse.shared.InvalidInputException}
 * naming the field, with nothing changed.
 */
public interface Mandates {

    Mandate create(MandateDraft draft);

    Mandate mandate(UUID id);

    /** Newest first; both filters optional. */
    List<Mandate> list(UUID debtorId, MandateStatus status);

    Mandate amend(UUID id, MandateAmendment amendment);

    /** Records the signature: the mandate becomes usable. */
    Mandate sign(UUID id, MandateSignature signature);

    /** Ends the mandate; its planned collections are cancelled and their pauses lifted. */
    Mandate revoke(UUID id, String reason, LocalDate on);

    /** Only a mandate never signed can be deleted (its UMR stays used). */
    void delete(UUID id);

    /** The form to sign, with the EPC mandatory wording, in French ("fr") or English ("en"). */
    MandateDocument form(UUID id, String language);
}
