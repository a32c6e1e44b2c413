package fr.encaisse.portal.internal;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/** The portal's words in French and English ({@code fr/encaisse/portal/texts_*.properties}). */
@Component
public class PortalTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** English for a debtor whose language is English, French for everyone else (the default). */
    public static Locale localeOf(String language) {
        return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.FRENCH;
    }

    public String text(String key, Locale locale, Object... args) {
        String pattern = bundle(locale).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Every text of a language, for a template to pick from. */
    public Map<String, String> all(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Map<String, String> all = new LinkedHashMap<>();
        bundle.keySet().forEach(k -> all.put(k, bundle.getString(k)));
        return all;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("fr.encaisse.portal.texts", localeOf(locale.getLanguage()), NO_FALLBACK);
    }
}
