package fr.encaisse.sepa.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * The SEPA Latin character set (EPC implementation guidelines, "character set"):
 * {@code a-z A-Z 0-9 / - ? : ( ) . , ' +} and space. Free text is transliterated into it
 * (é → e, ß → ss, &amp; → +, ’ → ', n° → no) rather than rejected, because names and remittance texts come
 * from customers; identifiers are checked, never rewritten (see {@link IdentifierRules}).
 */
public final class SepaText {

    private static final Map<Integer, String> SPECIAL = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'ẞ', "SS"),
            Map.entry((int) 'Æ', "AE"), Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'Œ', "OE"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'Ø', "O"), Map.entry((int) 'ø', "o"),
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ð', "D"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'Þ', "TH"), Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ı', "i"),
            Map.entry((int) '&', "+"),
            Map.entry((int) '_', "-"), Map.entry((int) '–', "-"), Map.entry((int) '—', "-"),
            Map.entry((int) '’', "'"), Map.entry((int) '‘', "'"), Map.entry((int) '‚', "'"),
            Map.entry((int) '`', "'"), Map.entry((int) '´', "'"),
            Map.entry((int) '"', "'"), Map.entry((int) '“', "'"), Map.entry((int) '”', "'"),
            Map.entry((int) '„', "'"), Map.entry((int) '«', "'"), Map.entry((int) '»', "'"),
            Map.entry((int) ';', ","), Map.entry((int) '…', "..."),
            Map.entry((int) '€', "EUR"), Map.entry((int) '°', "o"), Map.entry((int) '#', "."));

    private SepaText() {
    }

    /** Whether {@code c} belongs to the SEPA Latin character set. */
    public static boolean isSepaChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '/' || c == '-' || c == '?' || c == ':' || c == '(' || c == ')'
                || c == '.' || c == ',' || c == '\'' || c == '+' || c == ' ';
    }

    /** Whether every character of {@code s} belongs to the SEPA Latin character set. */
    public static boolean isSepaText(String s) {
        return s.codePoints().allMatch(SepaText::isSepaChar);
    }

    /**
     * Transliterates {@code text} to the SEPA Latin character set, collapses white space, trims,
     * and cuts it to {@code maxLength} characters. Characters with no Latin equivalent become a
     * space. Returns an empty string for {@code null}.
     */
    public static String latin(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        if (alreadyLatin(text, maxLength)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isSepaChar(c)) {
                out.append((char) c);
            } else {
                out.append(transliterated(c));
            }
        }
        return truncate(collapseSpaces(out), maxLength);
    }

    /**
     * Whether {@link #latin} would keep anything of {@code text} (a letter or digit, or a character
     * that transliterates to one), without building the transliteration.
     */
    public static boolean hasLatinContent(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isSepaChar(c) ? c != ' ' : !transliterated(c).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Already in the set, trimmed, single-spaced and short enough: the common case, returned as is. */
    private static boolean alreadyLatin(String s, int maxLength) {
        int n = s.length();
        if (n > maxLength || n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isSepaChar(c) || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Transliterations of the Basic Multilingual Plane, computed once per character. */
    private static final String[] BMP = new String[0x10000];

    private static String transliterated(int c) {
        if (c < BMP.length) {
            String known = BMP[c];
            if (known == null) {
                known = transliterate(c);
                BMP[c] = known; // a benign race: every thread computes the same immutable value
            }
            return known;
        }
        return transliterate(c);
    }

    private static String transliterate(int c) {
        String special = SPECIAL.get(c);
        if (special != null) {
            return special;
        }
        // é → e + combining acute, ﬁ → fi, № → No: keep the base characters that are in the set.
        String decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(2);
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (isSepaChar(d) && d != ' ') {
                kept.append(d);
            }
        }
        return kept.isEmpty() ? " " : kept.toString();
    }

    private static String collapseSpaces(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String truncate(String s, int maxLength) {
        return s.length() <= maxLength ? s : s.substring(0, maxLength).stripTrailing();
    }
}
