package fr.encaisse.sepa.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.encaisse.tenancy.Tenant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mandate form as a PDF to sign, in French or English, with the EPC's mandatory wording for
 * the scheme (Core: the 8-week refund right; B2B: no refund), the UMR and the ICS. The documents
 * module renders only its own letters, so this is a small renderer of its own: a fixed XHTML
 * template per language ({@code templates/sepa/mandate.*.html}) whose {@code {{fields}}} are
 * filled with escaped values, drawn by openhtmltopdf with the embedded Liberation Sans font. No
 * external resource is ever loaded.
 */
@Component
class MandateForm {

    private static final Pattern FIELD = Pattern.compile("\\{\\{(\\w+)}}");

    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    private final Map<String, String> templates;
    private final byte[] regular;
    private final byte[] bold;

    MandateForm() {
        texts.setBasename("templates/sepa/mandate-texts");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        texts.setDefaultLocale(Locale.FRENCH);
        templates = Map.of("fr", resource("/templates/sepa/mandate.fr.html"), "en", resource("/templates/sepa/mandate.en.html"));
        regular = bytes("/liberation/LiberationSans-Regular.ttf");
        bold = bytes("/liberation/LiberationSans-Bold.ttf");
    }

    byte[] render(String language, MandateStore.Row m, Tenant creditor, String creditorId, int prenotificationDays) {
        Locale locale = "en".equals(language) ? Locale.UK : Locale.FRENCH;
        String scheme = m.scheme().name();
        Map<String, String> values = Map.ofEntries(
                Map.entry("title", texts.getMessage(scheme + ".title", null, locale)),
                Map.entry("wording", texts.getMessage(scheme + ".wording", new Object[]{creditor.name()}, locale)),
                Map.entry("rights", texts.getMessage(scheme + ".rights", null, locale)),
                Map.entry("paymentType", texts.getMessage(m.type().name(), null, locale)),
                Map.entry("umr", m.umr()),
                Map.entry("creditorId", creditorId),
                Map.entry("creditorName", creditor.name()),
                Map.entry("creditorAddress", join(creditor.addressLine1(), creditor.addressLine2(),
                        town(creditor.postalCode(), creditor.city()), creditor.country())),
                Map.entry("debtorName", m.debtorName()),
                Map.entry("debtorAddress", join(m.debtorStreet(), town(m.debtorPostCode(), m.debtorTown()), m.debtorCountry())),
                Map.entry("iban", grouped(m.iban())),
                Map.entry("bic", m.bic() == null ? "" : m.bic()),
                Map.entry("place", m.signedAt() == null ? "" : m.signedAt()),
                Map.entry("date", m.signedOn() == null ? ""
                        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(m.signedOn())),
                Map.entry("signatory", m.signatory() == null ? "" : m.signatory()),
                Map.entry("prenotificationDays", String.valueOf(prenotificationDays)));
        Matcher matcher = FIELD.matcher(templates.get(language));
        String xhtml = matcher.replaceAll(r -> Matcher.quoteReplacement(
                HtmlUtils.htmlEscape(values.getOrDefault(r.group(1), ""), "UTF-8")));
        return pdf(xhtml, m.umr());
    }

    private byte[] pdf(String xhtml, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regular), "Liberation Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), "Liberation Sans", 700, FontStyle.NORMAL, true);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withProducer("Encaisse");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The mandate form " + title + " could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** FR76 3000 6000 … in groups of four, as printed on bank documents. */
    static String grouped(String iban) {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String town(String postCode, String town) {
        return Stream.of(postCode, town).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }

    private static String resource(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = MandateForm.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
