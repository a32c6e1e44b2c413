package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.SepaText;
import java.util.Locale;

/**
 * How a tenant builds its mandate references (UMR): {@code PREFIX-DEBTORREF-000042}, i.e. a
 * tenant prefix, the debtor's reference reduced to upper-case letters and digits (cut to fit),
 * and a zero-padded sequence number. The result always passes
 * {@link SepaIdentifiers#requireMandateReference}.
 *
 * <p>Uniqueness per creditor is the caller's job: draw {@code sequence} from a per-tenant counter
 * and the (prefix, sequence) pair alone is unique; the debtor reference is only there so that a
 * human recognises the mandate. A UMR is never reused, not even across schemes.
 *
 * @param prefix         1 to 12 upper-case letters or digits, e.g. {@code ENC}
 * @param sequenceDigits minimum width of the sequence number, 1 to 12
 */
public record MandateReferencePattern(String prefix, int sequenceDigits) {

    private static final int MAX = 35;

    public MandateReferencePattern {
        if (prefix == null || !prefix.matches("[A-Z0-9]{1,12}")) {
            throw new SepaValidationException("prefix", "must be 1 to 12 upper-case letters or digits, got '"
                    + prefix + "'");
        }
        if (sequenceDigits < 1 || sequenceDigits > 12) {
            throw new SepaValidationException("sequenceDigits", "must be between 1 and 12, got " + sequenceDigits);
        }
    }

    /** A prefix and a 6-digit sequence. */
    public static MandateReferencePattern withPrefix(String prefix) {
        return new MandateReferencePattern(prefix, 6);
    }

    /**
     * @param debtorReference the debtor's account number or code in the ledger; may be null
     * @param sequence        a non-negative number unique for this tenant
     */
    public String format(String debtorReference, long sequence) {
        if (sequence < 0) {
            throw new SepaValidationException("sequence", "must not be negative, got " + sequence);
        }
        String number = String.format(Locale.ROOT, "%0" + sequenceDigits + "d", sequence);
        String debtor = SepaText.latin(debtorReference, MAX).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        int room = MAX - prefix.length() - number.length() - 2;
        if (room < 0) {
            throw new SepaValidationException("sequence", "is too large for a 35-character mandate reference: " + sequence);
        }
        if (debtor.length() > room) {
            debtor = debtor.substring(0, room);
        }
        String umr = debtor.isEmpty() ? prefix + "-" + number : prefix + "-" + debtor + "-" + number;
        return SepaIdentifiers.requireMandateReference("mandateId", umr);
    }
}
