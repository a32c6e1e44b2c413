package fr.encaisse.documents.internal;

import fr.encaisse.documents.StoredDocument;
import fr.encaisse.law.InterestPeriod;
import fr.encaisse.law.RateSource;
import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.Contact;
import fr.encaisse.ledger.ContactRole;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.tenancy.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data templates are rendered with: plain maps, lists and strings, every amount and date
 * already formatted for the letter's language. Templates print these values as text only.
 */
final class Models {

    private Models() {
    }

    static Map<String, Object> m(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> tenant(Tenant t, DocumentStore.Asset logo) {
        List<String> address = new ArrayList<>();
        add(address, t.addressLine1());
        add(address, t.addressLine2());
        add(address, join(t.postalCode(), t.city()));
        if (t.country() != null && !"FR".equals(t.country())) {
            address.add(country(t.country(), "fr"));
        }
        List<String> letterhead = new ArrayList<>();
        if (t.letterhead() != null) {
            for (String line : t.letterhead().split("\\R")) {
                add(letterhead, line);
            }
        }
        return m("name", t.name(), "legalForm", legalForm(t.name()), "addressLines", address, "city", nullToEmpty(t.city()), "siren", t.siren(),
                "vatNumber", t.vatNumber(), "iban", iban(t.iban()), "bic", t.bic(), "letterheadLines", letterhead,
                "logo", logo == null ? null : "data:" + logo.mediaType() + ";base64," + Base64.getEncoder().encodeToString(logo.bytes()));
    }

    static Map<String, Object> debtor(Debtor d, String language) {
        List<String> address = postalLines(d.address(), language);
        String attention = d.contacts().stream().filter(c -> c.role() == ContactRole.ACCOUNTS_PAYABLE)
                .map(Contact::name).findFirst().orElse(null);
        return m("name", d.legalName(), "reference", d.reference(), "addressLines", address, "attention", attention,
                "siren", d.siren(), "siret", d.siret(), "vatNumber", d.vatNumber(), "email", d.email(),
                "consumer", d.kind() == DebtorKind.B2C, "professional", d.kind() == DebtorKind.B2B,
                "publicBuyer", d.kind() == DebtorKind.PUBLIC, "legalForm", legalForm(d.legalName()));
    }

    /** A recipient's address as La Poste wants it in the window: city in capitals, country only when abroad. */
    static List<String> postalLines(Address a, String language) {
        List<String> lines = new ArrayList<>();
        if (a != null) {
            add(lines, a.line1());
            add(lines, a.line2());
            add(lines, join(a.postalCode(), a.city() == null ? null : a.city().toUpperCase(Locale.FRENCH)));
            if (a.country() != null && !"FR".equals(a.country())) {
                lines.add(country(a.country(), language).toUpperCase(Locale.ROOT));
            }
        }
        return lines;
    }

    static Map<String, Object> document(String title, String reference, LocalDate date, String place, boolean registeredMail,
                                        String language, Formats f) {
        return document(title, reference, date, place, registeredMail, language, null, f);
    }

    /** @param recipientLines who the letter is addressed to when it is not the debtor (the commissaire de justice) */
    static Map<String, Object> document(String title, String reference, LocalDate date, String place, boolean registeredMail,
                                        String language, List<String> recipientLines, Formats f) {
        return m("title", title, "reference", reference, "date", f.date(date), "longDate", f.longDate(date),
                "place", place, "registeredMail", registeredMail, "language", language, "recipientLines", recipientLines);
    }

    static Map<String, Object> claim(Claim c, Formats f) {
        String cur = c.currency();
        List<Map<String, Object>> invoices = new ArrayList<>();
        for (Claim.Line l : c.lines()) {
            List<Map<String, Object>> periods = new ArrayList<>();
            for (InterestPeriod p : l.periods()) {
                periods.add(m("from", f.date(p.from()), "to", f.date(p.to()), "days", String.valueOf(p.days()),
                        "base", f.money(p.base(), cur), "rate", f.rate(p.ratePercent()), "basis", p.legalBasis(),
                        "source", source(p.source(), f.french()), "interest", f.precise(p.interest()), "fallback", p.fallback()));
            }
            invoices.add(m("number", l.invoice().number(), "issueDate", f.date(l.invoice().issueDate()),
                    "dueDate", f.date(l.invoice().dueDate()), "amount", f.money(l.invoice().amountInclTax(), cur),
                    "principal", f.money(l.principalOutstanding(), cur), "daysLate", String.valueOf(l.daysLate()),
                    "interest", f.money(l.interest(), cur), "indemnity", f.money(l.indemnity(), cur),
                    "total", f.money(l.total(), cur), "poReference", l.invoice().poReference(),
                    "periods", periods, "hasPeriods", !periods.isEmpty()));
        }
        Claim.RateStatus s = c.rates();
        return m("currency", cur, "asOf", f.date(c.asOf()), "interestUntil", f.date(c.interestUntil()),
                "invoices", invoices, "invoiceCount", String.valueOf(c.lines().size()),
                "indemnityCount", String.valueOf(c.lateInvoicesWithIndemnity()),
                "principal", f.money(c.principal(), cur), "interest", f.money(c.interest(), cur),
                "indemnity", f.money(c.indemnity(), cur), "total", f.money(c.total(), cur),
                "hasIndemnity", c.indemnity().signum() > 0, "hasInterest", c.interest().signum() > 0,
                "provisional", s != Claim.RateStatus.PUBLISHED, "fallbackRates", s == Claim.RateStatus.FALLBACK,
                "interestTruncated", s == Claim.RateStatus.INTEREST_UNTIL_LAST_PUBLISHED,
                "missingHalfYear", c.missingHalfYear(), "legalReferences", c.legalReferences(),
                "rateDescription", rateDescription(c.terms(), c.debtor().kind(), f));
    }

    static List<Map<String, Object>> letters(List<StoredDocument> letters, Formats f) {
        return letters.stream().map(d -> m("title", d.title(), "reference", d.reference(), "date", f.date(d.documentDate()),
                "sha256", d.sha256())).toList();
    }

    static String rateDescription(TermsOfSale terms, DebtorKind kind, Formats f) {
        boolean fr = f.french();
        return switch (kind) {
            case PUBLIC -> fr ? "taux de la BCE + 8 points (CCP R2192-31)" : "ECB rate + 8 points (CCP R2192-31)";
            case B2C -> terms.contractRate() != null ? f.rate(terms.contractRate())
                    : fr ? "taux de l'intérêt légal (C. civ. 1231-6)" : "legal interest rate (C. civ. 1231-6)";
            case B2B -> terms.contractRate() != null
                    ? (fr ? f.rate(terms.contractRate()) + " par an, sans pouvoir être inférieur à trois fois le taux d'intérêt légal"
                          : f.rate(terms.contractRate()) + " a year, and not less than three times the legal interest rate")
                    : fr ? "taux de refinancement de la BCE majoré de 10 points (C. com. L441-10 II)"
                         : "ECB refinancing rate plus 10 points (C. com. L441-10 II)";
        };
    }

    private static String source(RateSource source, boolean fr) {
        return switch (source) {
            case CONTRACT -> fr ? "taux contractuel" : "contract rate";
            case CONTRACT_FLOOR -> fr ? "3 × taux légal (plancher)" : "3 × legal rate (floor)";
            case ECB_PLUS_10 -> fr ? "BCE + 10 points" : "ECB + 10 points";
            case ECB_PLUS_8 -> fr ? "BCE + 8 points" : "ECB + 8 points";
            case LEGAL_RATE -> fr ? "taux légal" : "legal rate";
            case CONSUMER_CONTRACT -> fr ? "taux contractuel" : "contract rate";
        };
    }

    /** The legal form at the end or start of a company name (SAS, SARL…), or null when none is written. */
    static String legalForm(String name) {
        if (name == null) {
            return null;
        }
        Set<String> forms = new TreeSet<>(List.of("SAS", "SASU", "SARL", "EURL", "SA", "SNC", "SCI", "SCOP", "SCS", "SELARL", "GIE", "EI"));
        String[] words = name.trim().toUpperCase(Locale.ROOT).replace(".", "").split("\\s+");
        if (forms.contains(words[words.length - 1])) {
            return words[words.length - 1];
        }
        return forms.contains(words[0]) ? words[0] : null;
    }

    static String iban(String iban) {
        if (iban == null) {
            return null;
        }
        String c = iban.replaceAll("\\s", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.length(); i += 4) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(c, i, Math.min(c.length(), i + 4));
        }
        return b.toString();
    }

    static String country(String code, String language) {
        String name = new Locale("", code).getDisplayCountry("en".equals(language) ? Locale.ENGLISH : Locale.FRENCH);
        return name == null || name.isBlank() ? code : name;
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line.trim());
        }
    }

    private static String join(String a, String b) {
        String s = (nullToEmpty(a) + " " + nullToEmpty(b)).trim();
        return s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
