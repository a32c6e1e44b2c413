package fr.encaisse.banking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerant extraction of references from free remittance text (camt {@code RmtInf/Ustrd}, CFONB
 * {@code LCC}/{@code LIB}, labels): ISO 11649 RF references, however spaced, and tokens that may
 * be invoice numbers. It only proposes; the matching engine confirms against the ledger.
 */
public final class RemittanceText {

    /** RF, two digits, then alphanumerics possibly split into space-separated groups. */
    private static final Pattern RF_CANDIDATE =
            Pattern.compile("(?i)(?<![A-Z0-9])RF[0-9]{2}[A-Z0-9]*(?: [A-Z0-9]+)*");

    /** Letters/digits with inner separators: FA-2024-0012, 2024/117, INV_88.3 */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]+(?:[-/_.][A-Za-z0-9]+)*");

    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2}(\\d{2})?|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}");

    private static final int MAX_PRINTED = 25;

    private RemittanceText() {
    }

    /**
     * The valid RF references in {@code text}, in order, without duplicates. Accepts the
     * electronic form ({@code RF18539007547034}), the printed form ({@code RF18 5390 0754 7034})
     * and lower case; where the groups run on into other words, the longest valid prefix counts.
     */
    public static List<CreditorReference> creditorReferences(CharSequence text) {
        Set<CreditorReference> found = new LinkedHashSet<>();
        for (Found reference : find(text)) {
            found.add(reference.reference());
        }
        return List.copyOf(found);
    }

    /**
     * Tokens of {@code text} that could be invoice numbers: runs of letters and digits, with inner
     * {@code - / _ .}, holding at least one digit, 3 to 35 characters long; dates and RF
     * references excluded. In capitals, in order, without duplicates.
     */
    public static List<String> invoiceNumberCandidates(CharSequence text) {
        StringBuilder withoutReferences = new StringBuilder(text);
        for (Found reference : find(text)) {
            for (int i = reference.start(); i < reference.end(); i++) {
                withoutReferences.setCharAt(i, ' ');
            }
        }
        Set<String> candidates = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(withoutReferences);
        while (matcher.find()) {
            String token = matcher.group().toUpperCase(Locale.ROOT);
            if (token.length() >= 3 && token.length() <= 35 && token.chars().anyMatch(Character::isDigit)
                    && !DATE.matcher(token).matches() && !CreditorReference.isValid(token)) {
                candidates.add(token);
            }
        }
        return List.copyOf(candidates);
    }

    /** A valid reference and the span of text it was read from. */
    private record Found(CreditorReference reference, int start, int end) {
    }

    private static List<Found> find(CharSequence text) {
        List<Found> found = new ArrayList<>();
        Matcher matcher = RF_CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            from = matcher.start() + 1; // if nothing valid here, a later group may still start a reference
            // try the longest run of groups first: "RF18 5390 0754 7034 MERCI" stops before MERCI
            String[] groups = matcher.group().split(" ");
            int[] ends = new int[groups.length];
            StringBuilder joined = new StringBuilder();
            List<String> prefixes = new ArrayList<>();
            int offset = matcher.start();
            for (int g = 0; g < groups.length; g++) {
                joined.append(groups[g]);
                offset += (g == 0 ? 0 : 1) + groups[g].length();
                if (joined.length() > MAX_PRINTED) {
                    break;
                }
                prefixes.add(joined.toString());
                ends[g] = offset;
            }
            for (int i = prefixes.size() - 1; i >= 0; i--) {
                Optional<CreditorReference> reference = CreditorReference.tryParse(prefixes.get(i));
                if (reference.isPresent()) {
                    found.add(new Found(reference.get(), matcher.start(), ends[i]));
                    from = ends[i];
                    break;
                }
            }
        }
        return found;
    }
}
