package fr.encaisse.communication.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Letter;
import fr.encaisse.communication.PortalLinkProvider;
import fr.encaisse.law.HalfYear;
import fr.encaisse.law.InvoicePenaltyStatement;
import fr.encaisse.law.RateNotAvailableException;
import fr.encaisse.ledger.Contact;
import fr.encaisse.ledger.ContactRole;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.recovery.ActivePauses;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a queued message into what is said, reading the ledger as it is <em>now</em>: paid,
 * credited and paused invoices drop out (the same pause rule as the dunning run), partly paid
 * ones show only what remains, and penalties come from {@link Penalties} as of the message's date.
 * A half-year missing from the rate table does not stop the message: penalties are left out with
 * a note saying why (or marked provisional when the tenant allows the last-known-rate fallback).
 */
@Component
class ContentBuilder {

    /** What a message says, in every form a channel may need. */
    record Content(Locale locale, String subject, String text, String html, Letter letter, String email, String phone,
                   String recipientName, List<UUID> invoiceIds, String callTitle) {
    }

    private final Ledger ledger;
    private final Penalties penalties;
    private final DunningPauses pauses;
    private final Tenants tenants;
    private final MailTexts texts;
    private final Layouts layouts;
    private final PortalLinkProvider portalLinks;

    ContentBuilder(Ledger ledger, Penalties penalties, DunningPauses pauses, Tenants tenants, MailTexts texts, Layouts layouts,
                   PortalLinkProvider portalLinks) {
        this.ledger = ledger;
        this.penalties = penalties;
        this.pauses = pauses;
        this.tenants = tenants;
        this.texts = texts;
        this.layouts = layouts;
        this.portalLinks = portalLinks;
    }

    /** Null when nothing is left to chase. */
    Content build(OutboxStore.Row row) {
        Debtor debtor = ledger.debtor(row.debtorId());
        Locale locale = "en".equalsIgnoreCase(debtor.language()) ? Locale.ENGLISH : Locale.FRENCH;
        Tenant creditor = tenants.get(row.tenantId());
        List<Invoice> invoices = invoices(row, debtor);
        if (invoices.isEmpty()) {
            return null;
        }
        String currency = invoices.get(0).currency();
        boolean withPenalties = texts.withPenalties(row.template());
        LocalDate asOf = row.asOf();

        List<Letter.Line> lines = new ArrayList<>();
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal indemnity = BigDecimal.ZERO;
        HalfYear missing = null;
        boolean provisional = false;
        StringBuilder explanation = new StringBuilder();
        for (Invoice i : invoices) {
            open = open.add(i.openAmount());
            BigDecimal lineInterest = null;
            BigDecimal lineIndemnity = null;
            long late = Math.max(0, asOf.toEpochDay() - i.dueDate().toEpochDay());
            if (withPenalties && late > 0) {
                try {
                    InvoicePenaltyStatement s = penalties.forInvoice(i.id(), asOf);
                    lineInterest = s.interestOutstanding();
                    lineIndemnity = s.indemnity().add(s.additionalRecoveryCosts());
                    interest = interest.add(lineInterest);
                    indemnity = indemnity.add(lineIndemnity);
                    provisional |= s.usesFallbackRates();
                    explanation.append(s.explain(locale).replace(i.id().toString(), i.number())).append("\n\n");
                } catch (RateNotAvailableException e) {
                    missing = missing == null || e.halfYear().isAfter(missing) ? e.halfYear() : missing;
                }
            }
            lines.add(new Letter.Line(i.number(), i.issueDate(), i.dueDate(), i.amountInclTax(), i.openAmount(), late,
                    lineInterest, lineIndemnity));
        }
        BigDecimal claimed = withPenalties ? open.add(interest).add(indemnity) : open;
        String penaltyNote = !withPenalties ? null
                : missing != null ? texts.text("common.penalties.omitted", locale, missing.toString())
                : provisional ? texts.text("common.penalties.provisional", locale) : null;

        LocalDate firstDue = invoices.stream().map(Invoice::dueDate).min(Comparator.naturalOrder()).orElse(asOf);
        Object[] args = {creditor.name(), Formats.money(open, currency, locale), Formats.longDate(row.deadline(), locale),
                invoices.size(), debtor.legalName(), Formats.money(claimed, currency, locale), Formats.longDate(asOf, locale),
                Formats.longDate(firstDue, locale)};
        String subject = texts.text(row.template() + ".subject", locale, args);
        List<String> paragraphs = texts.paragraphs(row.template(), locale, args);
        // A call script needs no link; everything the debtor reads carries its own portal address.
        String portalLink = row.channel() == Channel.CALL_TASK ? null : portalLinks.linkFor(debtor.id());
        String portalText = portalLink == null ? null : texts.text("common.portal", locale, portalLink);
        String salutation = texts.text("common.salutation", locale);
        String closing = texts.text("common.closing", locale);
        String signature = texts.text("common.signature", locale, creditor.name());

        List<Map<String, Object>> totals = new ArrayList<>();
        totals.add(total(texts.text("common.total.open", locale), open, currency, locale));
        if (withPenalties && missing == null) {
            totals.add(total(texts.text("common.total.interest", locale), interest, currency, locale));
            totals.add(total(texts.text("common.total.indemnity", locale), indemnity, currency, locale));
            totals.add(total(texts.text("common.total.claimed", locale), claimed, currency, locale));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", locale.getLanguage());
        m.put("subject", subject);
        m.put("salutation", salutation);
        m.put("paragraphs", paragraphs);
        m.put("head", head(locale));
        m.put("lines", lines.stream().map(l -> line(l, currency, locale)).toList());
        m.put("withPenalties", withPenalties && missing == null);
        m.put("totals", totals);
        m.put("penaltyNote", penaltyNote);
        m.put("portalLink", portalLink);
        m.put("portalText", portalText);
        m.put("closing", closing);
        m.put("signature", signature);
        String text = layouts.render("email.txt", Map.of("m", m), locale);
        String html = layouts.render("email.html", Map.of("m", m), locale);

        Letter letter = null;
        if (row.channel().isLetter() || row.attachLetter()) {
            String title = texts.text(row.template() + ".title", locale);
            letter = new Letter(row.template(), locale, row.channel() == Channel.REGISTERED_LETTER,
                    new Letter.Party(creditor.name(), creditor.addressLine1(), creditor.addressLine2(), creditor.postalCode(),
                            creditor.city(), creditor.country()),
                    new Letter.Party(debtor.legalName(), debtor.address() == null ? null : debtor.address().line1(),
                            debtor.address() == null ? null : debtor.address().line2(),
                            debtor.address() == null ? null : debtor.address().postalCode(),
                            debtor.address() == null ? null : debtor.address().city(),
                            debtor.address() == null ? null : debtor.address().country()),
                    creditor.city() == null ? "" : creditor.city(), asOf, debtor.reference(), title, salutation, paragraphs,
                    lines, new Letter.Totals(currency, open, withPenalties && missing == null ? interest : null,
                            withPenalties && missing == null ? indemnity : null, claimed),
                    explanation.isEmpty() ? null : explanation.toString().trim(), penaltyNote, row.deadline(), closing,
                    signature, portalLink);
        }
        String callTitle = texts.text(row.template() + ".subject", locale, args);
        return new Content(locale, subject, text, html, letter, email(debtor), phone(debtor), debtor.legalName(),
                invoices.stream().map(Invoice::id).toList(), callTitle);
    }

    private List<Invoice> invoices(OutboxStore.Row row, Debtor debtor) {
        Map<UUID, Invoice> found = new LinkedHashMap<>();
        for (UUID id : row.invoiceIds()) {
            try {
                Invoice i = ledger.invoice(id);
                if (i.debtorId().equals(debtor.id())) {
                    found.put(id, i);
                }
            } catch (NotFoundException deleted) {
                // deleted since it was queued: nothing to say about it
            }
        }
        if (row.listAllOverdue()) {
            String cursor = null;
            do {
                Slice<Invoice> page = ledger.invoices(new InvoiceQuery(null, debtor.id(), null, row.asOf().minusDays(1), false,
                        500, cursor));
                page.items().forEach(i -> found.putIfAbsent(i.id(), i));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        ActivePauses paused = pauses.activeOn(row.asOf());
        return found.values().stream()
                .filter(i -> i.openAmount().signum() > 0)
                .filter(i -> !paused.isPaused(i.id(), i.debtorId()))
                .sorted(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number))
                .toList();
    }

    private Map<String, String> head(Locale locale) {
        Map<String, String> head = new LinkedHashMap<>();
        for (String k : List.of("number", "issued", "due", "amount", "open", "late", "interest", "indemnity")) {
            head.put(k, texts.text("common.th." + k, locale));
        }
        return head;
    }

    private static Map<String, Object> line(Letter.Line l, String currency, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", l.number());
        m.put("issued", Formats.shortDate(l.issueDate(), locale));
        m.put("due", Formats.shortDate(l.dueDate(), locale));
        m.put("amount", Formats.money(l.amount(), currency, locale));
        m.put("open", Formats.money(l.open(), currency, locale));
        m.put("late", String.valueOf(l.daysLate()));
        m.put("interest", Formats.money(l.interest(), currency, locale));
        m.put("indemnity", Formats.money(l.indemnity(), currency, locale));
        return m;
    }

    private static Map<String, Object> total(String label, BigDecimal amount, String currency, Locale locale) {
        return Map.of("label", label, "amount", Formats.money(amount, currency, locale));
    }

    /** The accounts-payable contact's address, else the debtor's, else any contact's. */
    static String email(Debtor d) {
        List<Contact> contacts = d.contacts() == null ? List.of() : d.contacts();
        return contacts.stream().filter(c -> c.role() == ContactRole.ACCOUNTS_PAYABLE && present(c.email())).map(Contact::email)
                .findFirst().orElse(present(d.email()) ? d.email()
                        : contacts.stream().map(Contact::email).filter(ContentBuilder::present).findFirst().orElse(null));
    }

    static String phone(Debtor d) {
        List<Contact> contacts = d.contacts() == null ? List.of() : d.contacts();
        return contacts.stream().filter(c -> c.role() == ContactRole.ACCOUNTS_PAYABLE && present(c.phone())).map(Contact::phone)
                .findFirst().orElse(present(d.phone()) ? d.phone()
                        : contacts.stream().map(Contact::phone).filter(ContentBuilder::present).findFirst().orElse(null));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
