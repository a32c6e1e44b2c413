package fr.encaisse.banking.internal.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The normal forms the engine compares references in. An invoice number {@code FA-2024/0012} has
 * the <em>key</em> {@code FA20240012} (capitals and digits only: spaces, dashes and slashes are
 * noise), the <em>folded key</em> where characters OCR and hurried typing confuse are one
 * ({@code O Q D→0}, {@code I L→1}, {@code Z→2}, {@code S→5}, {@code G→6}, {@code B→8}), and the
 * <em>digits</em> {@code 20240012} (for payers who drop the prefix or write another one).
 */
final class Text {

    private Text() {
    }

    static boolean isKeyChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    static String key(CharSequence text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                key.append(c);
            } else if (c >= 'a' && c <= 'z') {
                key.append((char) (c - 32));
            }
        }
        return key.toString();
    }

    static String fold(String key) {
        char[] folded = null;
        for (int i = 0; i < key.length(); i++) {
            char f = fold(key.charAt(i));
            if (f != key.charAt(i)) {
                if (folded == null) {
                    folded = key.toCharArray();
                }
                folded[i] = f;
            }
        }
        return folded == null ? key : new String(folded);
    }

    private static char fold(char c) {
        return switch (c) {
            case 'O', 'Q', 'D' -> '0';
            case 'I', 'L' -> '1';
            case 'Z' -> '2';
            case 'S' -> '5';
            case 'G' -> '6';
            case 'B' -> '8';
            default -> c;
        };
    }

    static String digits(String key) {
        StringBuilder digits = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && digits == null) {
                digits = new StringBuilder(key.length()).append(key, 0, i);
            } else if (digit && digits != null) {
                digits.append(c);
            }
        }
        return digits == null ? key : digits.toString();
    }

    static boolean hasDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The runs of ASCII letters and digits of {@code text}, in capitals. */
    static List<String> tokens(CharSequence text, int maxChars) {
        List<String> tokens = new ArrayList<>();
        int length = Math.min(text.length(), maxChars);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            if (isKeyChar(c)) {
                token.append(c >= 'a' ? (char) (c - 32) : c);
            } else if (!token.isEmpty()) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        return tokens;
    }

    /** 64-bit FNV-1a with a final mix; the tables verify every hit, so collisions only cost time. */
    static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Whether {@code a} becomes {@code b} by at most one edit: a substitution, an insertion, a
     * deletion or the transposition of two neighbours (restricted Damerau-Levenshtein ≤ 1).
     */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true; // substitution
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2); // transposition
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /** Words that say nothing about who a company is: legal forms, articles, "company". */
    private static final java.util.Set<String> NAME_NOISE = java.util.Set.of(
            "SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCI", "SCP", "SCA", "SCOP", "SELARL", "GIE", "EI", "EIRL",
            "GMBH", "AG", "LTD", "LIMITED", "PLC", "INC", "BV", "NV", "SRL", "SPA", "SL",
            "STE", "SOC", "SOCIETE", "ETS", "ETABLISSEMENTS", "ETABLISSEMENT", "CIE", "COMPAGNIE",
            "LE", "LA", "LES", "L", "DE", "DU", "DES", "D", "ET", "THE", "AND", "OF", "M", "MR", "MME", "MLLE");

    /** A name's distinctive words: capitals without accents, legal forms and articles dropped. */
    static List<String> nameTokens(String name) {
        if (name == null) {
            return List.of();
        }
        String plain = name;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 127) {
                plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
                break;
            }
        }
        plain = plain.toUpperCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (String token : tokens(plain, 200)) {
            if (!NAME_NOISE.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
