package fr.encaisse.banking;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import fr.encaisse.banking.internal.Mod97;

/**
 * An ISO 11649 structured creditor reference ("RF reference"): {@code RF}, two check digits,
 * then 1 to 21 letters or digits, checked by ISO 7064 MOD 97-10 (the IBAN algorithm applied to
 * the reference followed by {@code RF} and the check digits). Carried in SEPA credit transfers as
 * {@code RmtInf/Strd/CdtrRefInf/Ref} with type {@code SCOR}, and in CFONB 120 as 05 {@code LCS}.
 *
 * <p>{@link #value()} is the electronic form, capitals without spaces, e.g.
 * {@code RF18539007547034}; {@link #printed()} the paper form in groups of four,
 * {@code RF18 5390 0754 7034}.
 */
public record CreditorReference(String value) {

    private static final int MAX_REFERENCE = 21;

    public CreditorReference {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("not an RF creditor reference '" + value + "': " + problem);
        }
    }

    /**
     * The reference for an invoice number: its letters and digits, in capitals (separators such as
     * {@code -}, {@code /} or spaces are dropped, as ISO 11649 allows only alphanumerics), with
     * their check digits. {@code FA-2024/0012} gives {@code RF21FA20240012}.
     *
     * @throws IllegalArgumentException when the invoice number has no letter or digit, or more
     *                                  than 21 of them
     */
    public static CreditorReference forInvoice(String invoiceNumber) {
        String reference = alphanumerics(invoiceNumber);
        if (reference.isEmpty() || reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("an RF reference holds 1 to " + MAX_REFERENCE
                    + " letters or digits; invoice number '" + invoiceNumber + "' has " + reference.length());
        }
        return new CreditorReference("RF" + Mod97.checkDigits(reference + "RF00") + reference);
    }

    /**
     * Reads a reference as people write it: spaces allowed, case ignored.
     *
     * @throws IllegalArgumentException when it is not a valid RF reference
     */
    public static CreditorReference parse(String text) {
        return new CreditorReference(normalize(text));
    }

    /** The reference if {@code text} is a valid one (spaces allowed, case ignored), else empty. */
    public static Optional<CreditorReference> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = normalize(text);
        return problem(normalized) == null ? Optional.of(new CreditorReference(normalized)) : Optional.empty();
    }

    /** Whether {@code text} is a valid RF reference (spaces allowed, case ignored). */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    /** The creditor's own part, after {@code RF} and the check digits, e.g. {@code 539007547034}. */
    public String reference() {
        return value.substring(4);
    }

    /** The paper form: groups of four separated by spaces, e.g. {@code RF18 5390 0754 7034}. */
    public String printed() {
        StringBuilder printed = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                printed.append(' ');
            }
            printed.append(value, i, Math.min(i + 4, value.length()));
        }
        return printed.toString();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String value) {
        if (value.length() < 5 || value.length() > 4 + MAX_REFERENCE) {
            return "expected RF, 2 check digits and 1 to " + MAX_REFERENCE + " letters or digits";
        }
        if (!value.startsWith("RF") || !isAsciiDigit(value.charAt(2)) || !isAsciiDigit(value.charAt(3))) {
            return "expected RF followed by 2 check digits";
        }
        String reference = value.substring(4);
        if (!reference.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
            return "only capital letters and digits allowed";
        }
        if (Mod97.remainder(reference + value.substring(0, 4)) != 1) {
            return "wrong check digits";
        }
        return null;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String normalize(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String alphanumerics(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
