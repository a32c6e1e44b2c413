package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.documents.internal.TemplateName.ModelKind;
import fr.encaisse.law.DayCount;
import fr.encaisse.law.HalfYear;
import fr.encaisse.law.InterestPeriod;
import fr.encaisse.law.RateSource;
import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.Contact;
import fr.encaisse.ledger.ContactRole;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceStatus;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Example data with every field filled (and the optional blocks switched on), used to check a
 * template before it is saved and to preview it. Its names mark it as an example.
 */
final class SampleModels {

    private SampleModels() {
    }

    static final LocalDate DATE = LocalDate.of(2026, 3, 16);

    static Tenant tenant() {
        return new Tenant(UUID.fromString("00000000-0000-0000-0000-000000000001"), "exemple", "Exemple Créancier SAS",
                "732829320", "FR44732829320", "12 rue de l'Exemple", null, "75002", "Paris", "FR",
                "FR7630006000011234567890189", "AGRIFRPP", null, "SAS au capital de 10 000 €\nRCS Paris 732 829 320",
                ZoneId.of("Europe/Paris"));
    }

    static Debtor debtor() {
        return new Debtor(UUID.fromString("00000000-0000-0000-0000-000000000002"), "C-EXEMPLE", "Exemple Débiteur SARL",
                "404833048", null, "FR83404833048", DebtorKind.B2B, new Address("2 rue de l'Exemple", "Bâtiment B", "69001", "Lyon", "FR"),
                "compta@exemple.fr", null, "fr", List.of(new Contact("Service comptabilité", "compta@exemple.fr", null,
                ContactRole.ACCOUNTS_PAYABLE)));
    }

    static Claim claim() {
        Debtor d = debtor();
        Invoice invoice = new Invoice(UUID.fromString("00000000-0000-0000-0000-000000000003"), d.id(), "F-EXEMPLE-1",
                LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 31), "60 jours date de facture", "EUR",
                new BigDecimal("1000.00"), new BigDecimal("200.00"), new BigDecimal("1200.00"), new BigDecimal("1200.00"),
                "PO-EXEMPLE", InvoiceStatus.OPEN);
        InterestPeriod period = new InterestPeriod(LocalDate.of(2026, 2, 1), DATE, 44, new BigDecimal("1200.00"),
                new BigDecimal("12.15"), RateSource.ECB_PLUS_10, new HalfYear(2026, 1), new BigDecimal("2.15"), DayCount.ACT_365,
                365, new BigDecimal("17.5758904110"), false);
        Claim.Line line = new Claim.Line(invoice, new BigDecimal("1200.00"), 44, List.of(period), new BigDecimal("17.58"),
                new BigDecimal("40.00"));
        return new Claim(d, DATE, "EUR", List.of(line), new BigDecimal("1200.00"), new BigDecimal("17.58"),
                new BigDecimal("40.00"), new BigDecimal("1257.58"), Claim.RateStatus.INTEREST_UNTIL_LAST_PUBLISHED, DATE,
                "2026-S2", List.of("C. com. L441-10 II", "C. com. L441-10 II, D441-5"), TermsOfSale.LEGAL_DEFAULT);
    }

    static Map<String, Object> model(ModelKind kind, String language) {
        if (kind == ModelKind.DUNNING_LETTER) {
            return DunningLetterModels.model(DunningLetterModels.sample(language), tenant(), null);
        }
        Formats f = Formats.of(language);
        Map<String, Object> model = m("tenant", Models.tenant(tenant(), null), "debtor", Models.debtor(debtor(), language),
                "document", Models.document("Exemple", "EX-20260316-C-EXEMPLE", DATE, "Paris", true, language, f));
        Claim claim = claim();
        switch (kind) {
            case LETTER, ANY -> {
                model.put("claim", Models.claim(claim, f));
                model.put("letter", LetterModels.letter(DATE.plusDays(8), 8, List.of(
                        m("title", "Relance n° 1", "reference", "R1-20260301-C-EXEMPLE", "date", f.date(DATE.minusDays(15)),
                                "sha256", "0".repeat(64))), f));
            }
            case INVOICE -> model.put("invoice", InvoiceModels.sample(f));
            case DOSSIER -> {
                model.put("claim", Models.claim(claim, f));
                model.put("dossier", DossierModels.sample(claim, f));
            }
            default -> {
            }
        }
        return model;
    }

    /** Every field name a template of this kind may use, for the template API. */
    static List<String> fields(ModelKind kind) {
        List<String> names = new ArrayList<>();
        collect("", model(kind, "fr"), names);
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> map, List<String> names) {
        for (var e : map.entrySet()) {
            String name = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> inner) {
                collect(name + ".", (Map<String, Object>) inner, names);
            } else if (v instanceof List<?> list) {
                names.add(name + "[]");
                if (!list.isEmpty() && list.get(0) instanceof Map<?, ?> item) {
                    collect(name + "[].", (Map<String, Object>) item, names);
                }
            } else {
                names.add(name);
            }
        }
    }
}
