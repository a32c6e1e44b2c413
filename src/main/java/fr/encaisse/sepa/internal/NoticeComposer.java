package fr.encaisse.sepa.internal;

import fr.encaisse.ledger.Contact;
import fr.encaisse.ledger.ContactRole;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.sepa.ReturnRoute;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of the debtor notices, in French or English ({@code templates/sepa/mail/notices_*.properties}):
 * the pre-notification (amount, date, UMR, ICS — EPC SDD rulebook, PT-04.03) and the notice of an
 * unpaid debit, which, when the debit is presented again, is also that new debit's pre-notification.
 */
@Component
class NoticeComposer {

    /** A rendered notice. */
    record Rendered(String language, String recipient, String subject, String text, String html) {
    }

    /** What a notice speaks of. */
    record Facts(String creditorName, BigDecimal amount, LocalDate collectionDate, String umr, String creditorId,
                 String invoiceNumber, String iban, String endToEndId, String debtorName) {
    }

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    NoticeComposer() {
        messages.setBasename("templates/sepa/mail/notices");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.FRENCH);
    }

    Rendered prenotification(Debtor debtor, Facts f) {
        Locale locale = locale(debtor);
        Object[] args = args(f, locale, null, null);
        return render(debtor, locale, text("prenotification.subject", locale, args),
                paragraphs(locale, args, "prenotification.p1", "prenotification.p2", "prenotification.p3"), f.creditorName());
    }

    /**
     * @param route      what happens next
     * @param revoked    whether the mandate was revoked
     * @param newDate    the re-presentation date (route REPRESENT), else null
     * @param newEndToEndId the re-presentation's end-to-end id, else null
     */
    Rendered returned(Debtor debtor, Facts f, String reasonCode, ReturnRoute route, boolean revoked, LocalDate newDate,
                      String newEndToEndId) {
        Locale locale = locale(debtor);
        String reason = optional("reason." + reasonCode, locale);
        if (reason == null) {
            reason = text("reason.other", locale, reasonCode);
        }
        Facts shown = newEndToEndId == null ? f : new Facts(f.creditorName(), f.amount(), f.collectionDate(), f.umr(),
                f.creditorId(), f.invoiceNumber(), f.iban(), newEndToEndId, f.debtorName());
        Object[] args = args(shown, locale, reason, newDate);
        String next = route == ReturnRoute.REPRESENT ? "REPRESENT" : revoked ? "REVOKED" : "RESUME_DUNNING";
        return render(debtor, locale, text("return.subject", locale, args),
                paragraphs(locale, args, "return.p1", "return." + next + ".p2", "return." + next + ".p3"), f.creditorName());
    }

    private Rendered render(Debtor debtor, Locale locale, String subject, List<String> paragraphs, String creditorName) {
        List<String> all = new ArrayList<>();
        all.add(text("salutation", locale));
        all.addAll(paragraphs);
        all.add(text("closing", locale));
        all.add(text("signature", locale, creditorName));
        String body = String.join("\n\n", all) + "\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(HtmlUtils.htmlEscape(subject, "UTF-8"))
                .append("</title></head><body>");
        for (String p : all) {
            html.append("<p>").append(HtmlUtils.htmlEscape(p, "UTF-8")).append("</p>");
        }
        html.append("</body></html>");
        return new Rendered(locale.getLanguage(), email(debtor), subject, body, html.toString());
    }

    private Object[] args(Facts f, Locale locale, String reason, LocalDate newDate) {
        return new Object[]{f.creditorName(), money(f.amount(), locale), date(f.collectionDate(), locale), f.umr(),
                f.creditorId(), f.invoiceNumber(), masked(f.iban()), f.endToEndId(), f.debtorName(), reason,
                newDate == null ? null : date(newDate, locale)};
    }

    private List<String> paragraphs(Locale locale, Object[] args, String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String p = optional(key, locale, args);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    private String optional(String key, Locale locale, Object... args) {
        try {
            return text(key, locale, args);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    static Locale locale(Debtor debtor) {
        return "en".equalsIgnoreCase(debtor.language()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    static String money(BigDecimal amount, Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(locale == Locale.ENGLISH ? Locale.UK : Locale.FRANCE);
        f.setCurrency(Currency.getInstance("EUR"));
        // French formats use narrow no-break spaces; plain spaces read the same in every mail client.
        return f.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale == Locale.ENGLISH ? Locale.UK : locale)
                .format(date);
    }

    /** Country, check digits and the last four characters, e.g. {@code FR76…0189}. */
    static String masked(String iban) {
        if (iban == null || iban.length() < 8) {
            return iban;
        }
        return iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4);
    }

    /** The accounts-payable contact's address, else the debtor's, else any contact's; null when none. */
    static String email(Debtor d) {
        List<Contact> contacts = d.contacts() == null ? List.of() : d.contacts();
        return contacts.stream().filter(c -> c.role() == ContactRole.ACCOUNTS_PAYABLE && present(c.email()))
                .map(Contact::email).findFirst()
                .orElse(present(d.email()) ? d.email()
                        : contacts.stream().map(Contact::email).filter(NoticeComposer::present).findFirst().orElse(null));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
