package fr.encaisse.communication.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.encaisse.communication.Letter;
import fr.encaisse.communication.LetterRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The built-in letter: {@code templates/mail/letter.html} filled by Thymeleaf, laid out by
 * openhtmltopdf with Liberation Sans embedded (metric-compatible with Arial, free licence).
 */
@Component
class HtmlLetterRenderer implements LetterRenderer {

    private static final String FAMILY = "Liberation Sans";

    private final Layouts layouts;
    private final MailTexts texts;

    HtmlLetterRenderer(Layouts layouts, MailTexts texts) {
        this.layouts = layouts;
        this.texts = texts;
    }

    @Override
    public byte[] render(Letter letter) {
        String currency = letter.totals().currency();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("l", letter);
        vars.put("registeredText", texts.text("common.registered", letter.locale()));
        vars.put("placeAndDate", texts.text("common.place", letter.locale(), letter.place(),
                Formats.longDate(letter.date(), letter.locale())).replaceFirst("^, ", ""));
        vars.put("referenceText", texts.text("common.reference", letter.locale(), letter.reference()));
        vars.put("annexTitle", texts.text("common.annex", letter.locale()));
        vars.put("portalText", letter.portalLink() == null ? null : texts.text("common.portal", letter.locale(), letter.portalLink()));
        Map<String, String> head = new LinkedHashMap<>();
        for (String k : List.of("number", "issued", "due", "amount", "open", "late", "interest", "indemnity")) {
            head.put(k, texts.text("common.th." + k, letter.locale()));
        }
        vars.put("head", head);
        boolean withPenalties = letter.totals().interest() != null;
        vars.put("withPenalties", withPenalties);
        List<Map<String, String>> lines = new ArrayList<>();
        for (Letter.Line x : letter.invoices()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("number", x.number());
            m.put("issued", Formats.shortDate(x.issueDate(), letter.locale()));
            m.put("due", Formats.shortDate(x.dueDate(), letter.locale()));
            m.put("amount", Formats.money(x.amount(), currency, letter.locale()));
            m.put("open", Formats.money(x.open(), currency, letter.locale()));
            m.put("late", String.valueOf(x.daysLate()));
            m.put("interest", Formats.money(x.interest(), currency, letter.locale()));
            m.put("indemnity", Formats.money(x.indemnity(), currency, letter.locale()));
            lines.add(m);
        }
        vars.put("lines", lines);
        List<Map<String, String>> totals = new ArrayList<>();
        totals.add(Map.of("label", texts.text("common.total.open", letter.locale()),
                "amount", Formats.money(letter.totals().open(), currency, letter.locale())));
        if (withPenalties) {
            totals.add(Map.of("label", texts.text("common.total.interest", letter.locale()),
                    "amount", Formats.money(letter.totals().interest(), currency, letter.locale())));
            totals.add(Map.of("label", texts.text("common.total.indemnity", letter.locale()),
                    "amount", Formats.money(letter.totals().indemnity(), currency, letter.locale())));
            totals.add(Map.of("label", texts.text("common.total.claimed", letter.locale()),
                    "amount", Formats.money(letter.totals().claimed(), currency, letter.locale())));
        }
        vars.put("totals", totals);
        String html = layouts.render("letter.html", vars, letter.locale());
        return pdf(html);
    }

    static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("LiberationSans-Regular.ttf"), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("LiberationSans-Bold.ttf"), FAMILY, 700, FontStyle.NORMAL, true);
            builder.useFont(() -> font("LiberationSans-Italic.ttf"), FAMILY, 400, FontStyle.ITALIC, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the letter", e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = HtmlLetterRenderer.class.getClassLoader().getResourceAsStream("liberation/" + file);
        if (in == null) {
            throw new IllegalStateException("Font liberation/" + file + " is not on the classpath (openpdf-fonts-extra)");
        }
        return in;
    }
}
