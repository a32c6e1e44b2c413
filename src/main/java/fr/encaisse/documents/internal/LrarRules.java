package fr.encaisse.documents.internal;

import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks every LRAR record shares, whether the letter was written here or sent by the outbox:
 * the same number is accepted (or refused) the same way for both.
 */
final class LrarRules {

    private LrarRules() {
    }

    /**
     * La Poste's number without spaces, upper case; null when it is not one. 8 to 20 letters and digits:
     * the 13-character S10 form (2 letters, 9 digits, 2 letters) and La Poste's domestic "1A…" numbers.
     */
    static String trackingNumber(String raw) {
        String tracking = raw == null ? null : raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return tracking != null && tracking.matches("[A-Z0-9]{8,20}") ? tracking : null;
    }

    /** The tracking number in its stored form, once both posting fields are present and well formed. */
    static String requirePosting(String trackingNumber, LocalDate postedOn) {
        String tracking = trackingNumber(trackingNumber);
        List<FieldProblem> problems = new ArrayList<>();
        if (tracking == null) {
            problems.add(badTrackingNumber(trackingNumber));
        }
        if (postedOn == null) {
            problems.add(FieldProblem.of("postedOn", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field() + " " + problems.get(0).message(), problems);
        }
        return tracking;
    }

    static FieldProblem badTrackingNumber(String raw) {
        return FieldProblem.of("trackingNumber", raw, "must be La Poste's tracking number (8 to 20 letters and digits)");
    }

    /** A date the user records: not before {@code notBefore} (named {@code what}), not after today. */
    static void check(LocalDate date, LocalDate notBefore, LocalDate today, String field, String what) {
        if (date.isBefore(notBefore)) {
            throw new InvalidInputException(FieldProblem.of(field, date.toString(), "is before " + what + " (" + notBefore + ")"));
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(FieldProblem.of(field, date.toString(), "is in the future"));
        }
    }
}
