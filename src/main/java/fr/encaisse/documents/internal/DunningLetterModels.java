package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.communication.Letter;
import fr.encaisse.ledger.Address;
import fr.encaisse.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The data of the {@code dunning-letter} template: a {@link Letter} written by the communication
 * module, laid out with the same letterhead, window and footer as the documents' own letters. The
 * texts are the letter's; the tenant adds only what a letter does not carry (logo, SIREN, VAT,
 * letterhead, IBAN). The {@code debtor} part has the keys of {@link Models#debtor} so that a tenant's
 * {@code letter-header} renders here too; what the letter does not say (SIREN, contact…) is null.
 */
final class DunningLetterModels {

    private DunningLetterModels() {
    }

    static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "fr";
    }

    static Map<String, Object> model(Letter letter, Tenant tenant, DocumentStore.Asset logo) {
        String language = language(letter.locale());
        Formats f = Formats.of(language);
        Letter.Party from = letter.sender();
        Map<String, Object> sender = Models.tenant(tenant, logo);
        sender.put("name", from.name());
        sender.put("addressLines", Stream.of(from.line1(), from.line2(),
                (nonNull(from.postalCode()) + " " + nonNull(from.city())).strip()).filter(x -> x != null && !x.isBlank()).toList());
        sender.put("city", letter.place() == null ? "" : letter.place());
        Letter.Party to = letter.recipient();
        Map<String, Object> recipient = m("name", to.name(), "reference", letter.reference(),
                "addressLines", Models.postalLines(address(to), language), "attention", null, "siren", null, "siret", null,
                "vatNumber", null, "email", null, "consumer", null, "professional", null, "publicBuyer", null,
                "legalForm", Models.legalForm(to.name()));
        return m("tenant", sender, "debtor", recipient,
                "document", Models.document(letter.title(), reference(letter), letter.date(), letter.place(), letter.registered(),
                        language, f),
                "letter", letter(letter, f));
    }

    private static Map<String, Object> letter(Letter l, Formats f) {
        String cur = l.totals().currency();
        List<Map<String, Object>> invoices = l.invoices().stream().map(i -> m("number", i.number(),
                "issueDate", f.date(i.issueDate()), "dueDate", f.date(i.dueDate()), "amount", f.money(i.amount(), cur),
                "open", f.money(i.open(), cur), "daysLate", String.valueOf(i.daysLate()),
                "interest", f.money(i.interest(), cur), "indemnity", f.money(i.indemnity(), cur))).toList();
        List<Map<String, Object>> statements = statements(l.penaltyExplanation());
        return m("template", l.template(), "title", l.title(), "salutation", l.salutation(), "paragraphs", l.paragraphs(),
                "invoices", invoices, "hasPenalties", l.totals().interest() != null,
                "open", f.money(l.totals().open(), cur), "interest", f.money(l.totals().interest(), cur),
                "indemnity", f.money(l.totals().indemnity(), cur), "claimed", f.money(l.totals().claimed(), cur),
                "penaltyNote", l.penaltyNote(), "hasDeadline", l.deadline() != null, "deadline", f.date(l.deadline()),
                "deadlineLong", f.longDate(l.deadline()), "closing", l.closing(), "signature", l.signature(),
                "portalLink", l.portalLink(), "statements", statements, "hasStatements", !statements.isEmpty());
    }

    /** The penalty explanation (plain text, one block per invoice) as blocks of lines, the first line a heading. */
    private static List<Map<String, Object>> statements(String explanation) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (explanation == null) {
            return blocks;
        }
        for (String block : explanation.strip().split("\\R\\s*\\R")) {
            List<String> lines = Arrays.stream(block.strip().split("\\R")).map(String::strip).toList();
            blocks.add(m("heading", lines.get(0), "lines", lines.subList(1, lines.size())));
        }
        return blocks;
    }

    /**
     * The letter carries the customer code, not a reference of its own: MED (formal notice) or REL,
     * the date and the customer code, as the documents' references.
     */
    static String reference(Letter l) {
        String code = "formal-notice".equals(l.template()) ? "MED" : "REL";
        return code + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(l.date()) + "-" + l.reference();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Address address(Letter.Party p) {
        return new Address(p.line1(), p.line2(), p.postalCode(), p.city(), p.country());
    }

    /** A letter with every part filled, to check and preview the template. */
    static Letter sample(String language) {
        boolean fr = !"en".equals(language);
        LocalDate date = SampleModels.DATE;
        Tenant t = SampleModels.tenant();
        var d = SampleModels.debtor();
        var a = d.address();
        return new Letter("formal-notice", fr ? Locale.FRENCH : Locale.ENGLISH, true,
                new Letter.Party(t.name(), t.addressLine1(), t.addressLine2(), t.postalCode(), t.city(), t.country()),
                new Letter.Party(d.legalName(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country()), t.city(), date,
                d.reference(), fr ? "Mise en demeure" : "Formal notice", fr ? "Madame, Monsieur," : "Dear Sir or Madam,",
                List.of(fr ? "Malgré nos relances, les factures ci-dessous demeurent impayées."
                        : "Despite our reminders, the invoices below remain unpaid."),
                List.of(new Letter.Line("F-EXEMPLE-1", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31),
                        new BigDecimal("1200.00"), new BigDecimal("1200.00"), 44, new BigDecimal("17.58"), new BigDecimal("40.00"))),
                new Letter.Totals("EUR", new BigDecimal("1200.00"), new BigDecimal("17.58"), new BigDecimal("40.00"),
                        new BigDecimal("1257.58")),
                fr ? "Facture F-EXEMPLE-1 — décompte au 16/03/2026\nÉchéance : 31/01/2026. Retard : 44 jours."
                        : "Invoice F-EXEMPLE-1 — statement as of 16/03/2026\nDue date: 31/01/2026. Days late: 44.",
                fr ? "Exemple de note sur les pénalités." : "Example note on penalties.", date.plusDays(8),
                fr ? "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées."
                        : "Yours faithfully,",
                fr ? "Le service comptabilité clients de " + t.name() : "The accounts receivable team of " + t.name(),
                "https://portail.exemple.fr/00000000-0000-0000-0000-000000000004");
    }
}
