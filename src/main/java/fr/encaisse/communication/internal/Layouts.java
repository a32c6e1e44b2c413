package fr.encaisse.communication.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf for messages, separate from the web UI's engine: HTML layouts ({@code *.html}) and
 * text layouts ({@code *.txt}) under {@code templates/mail/}.
 */
@Component
class Layouts {

    private final TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();

    Layouts() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
        r.setPrefix("templates/mail/");
        r.setTemplateMode(mode);
        r.setResolvablePatterns(Set.of(pattern));
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        r.setOrder(order);
        return r;
    }

    String render(String layout, Map<String, Object> variables, Locale locale) {
        return engine.process(layout, new Context(locale, variables));
    }
}
