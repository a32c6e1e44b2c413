package fr.encaisse.communication.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of each message template, in French and English ({@code templates/mail/texts_*.properties}).
 * A template is a set of keys: subject, title, p1…p3; layouts (email, letter) are shared.
 */
@Component
class MailTexts {

    static final Set<String> TEMPLATES = Set.of("courtesy", "reminder", "call", "penalty-letter", "formal-notice",
            "amicable", "judicial");
    private static final Set<String> WITH_PENALTIES = Set.of("penalty-letter", "formal-notice", "amicable", "judicial");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    MailTexts() {
        messages.setBasename("templates/mail/texts");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.FRENCH);
    }

    boolean withPenalties(String template) {
        return WITH_PENALTIES.contains(template);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    String optional(String key, Locale locale, Object... args) {
        try {
            return text(key, locale, args);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    List<String> paragraphs(String template, Locale locale, Object... args) {
        List<String> result = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String p = optional(template + ".p" + i, locale, args);
            if (p != null) {
                result.add(p);
            }
        }
        return result;
    }
}
