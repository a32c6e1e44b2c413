package fr.encaisse.law;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The mandatory mentions an invoice lacks (Code de commerce L441-9 I; CGI annexe II art. 242
 * nonies A), each with its legal basis.
 *
 * @param missing missing mentions, in a stable order
 */
public record MentionsCheck(List<Mention> missing) {

    public MentionsCheck {
        missing = List.copyOf(missing);
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }

    /** One line per missing mention: label and legal basis. */
    public String explain(Locale locale) {
        boolean fr = locale != null && "fr".equals(locale.getLanguage());
        if (missing.isEmpty()) {
            return fr ? "Toutes les mentions obligatoires vérifiées sont présentes."
                    : "All checked mandatory mentions are present.";
        }
        return (fr ? "Mentions obligatoires manquantes :\n" : "Missing mandatory mentions:\n")
                + missing.stream().map(m -> "- " + m.label(locale) + " (" + m.legalBasis() + ")")
                .collect(Collectors.joining("\n"));
    }
}
