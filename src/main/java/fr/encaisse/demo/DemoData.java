package fr.encaisse.demo;

import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.Contact;
import fr.encaisse.ledger.ContactRole;
import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.tenancy.NewTenant;
import fr.encaisse.tenancy.Role;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the demo creditor through the ledger's own commands (so the journal and events are
 * real), from a fixed seed: the same demo every time.
 */
public class DemoData {

    public static final String TENANT = "demo";
    public static final String LOGIN = "demo@encaisse.fr";
    public static final String PASSWORD = "demo";
    /** Demo-only key, written in the README; never use a chosen key for a real tenant. */
    public static final String API_KEY = "enc_demo0000_demo-api-key-not-secret";
    static final String IBAN = "FR7630006000011234567890189";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] STEMS = {"Boulangerie", "Transports", "Menuiserie", "Garage", "Imprimerie", "Pharmacie",
            "Hôtel", "Cabinet", "Atelier", "Brasserie", "Plomberie", "Électricité", "Librairie", "Fromagerie", "Vignobles",
            "Conseil", "Logistique", "Textiles", "Métallerie", "Informatique"};
    private static final String[] NAMES = {"Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent",
            "Simon", "Michel", "Garcia", "du Port", "des Alpes", "Saint-Michel", "de la Loire", "Rhône", "Provence",
            "Bretagne", "Lumière", "Horizon", "Atlantique"};
    private static final String[] FORMS = {"SARL", "SAS", "SA", "EURL", "SASU"};
    private static final String[] CITIES = {"75011 Paris", "69003 Lyon", "13001 Marseille", "33000 Bordeaux",
            "44000 Nantes", "31000 Toulouse", "59000 Lille", "67000 Strasbourg", "35000 Rennes", "06000 Nice"};

    private final Tenants tenants;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final DemoHistory history;

    /** The ledger only, without dunning history (tests of the ledger's pages). */
    public DemoData(Tenants tenants, Ledger ledger, TransactionTemplate tx) {
        this(tenants, ledger, tx, null);
    }

    DemoData(Tenants tenants, Ledger ledger, TransactionTemplate tx, DemoHistory history) {
        this.tenants = tenants;
        this.ledger = ledger;
        this.tx = tx;
        this.history = history;
    }

    /** Creates the demo tenant unless it exists; returns whether it did. */
    public boolean createIfAbsent(int debtorCount, int invoiceCount) {
        if (tenants.bySlug(TENANT).isPresent()) {
            return false;
        }
        long start = System.nanoTime();
        Tenant tenant = tx.execute(s -> {
            Tenant t = tenants.create(new NewTenant(TENANT, "Atelier Démo SAS", "732829320", "FR44732829320",
                    "12 rue de la Paix", "75002", "Paris", IBAN, "AGRIFRPP", "FR72ZZZ123456"));
            tenants.addUser(t.id(), LOGIN, PASSWORD, "Claire Démo", Role.ADMIN);
            tenants.registerApiKey(t.id(), "demo", Role.CREDIT_MANAGER, API_KEY);
            return t;
        });
        LocalDate today = tenants.today(tenant.id());
        TenantContext.runAs(tenant.id(), "system:demo", () -> tx.executeWithoutResult(s -> fill(today, debtorCount, invoiceCount)));
        long ledgerMillis = (System.nanoTime() - start) / 1_000_000;
        if (history != null) {
            // Each module's call makes its own transactions, as in real use.
            TenantContext.runAs(tenant.id(), "system:demo", () -> history.seed(today));
        }
        log.info("Demo data created in {} ms (ledger {} ms): log in at http://localhost:8080 as {} / {}; API key {}",
                (System.nanoTime() - start) / 1_000_000, ledgerMillis, LOGIN, PASSWORD, API_KEY);
        return true;
    }

    /** Payment behaviour of a debtor: most pay on time, some late, a few partly, a few never. */
    private enum Behaviour { PUNCTUAL, LATE, VERY_LATE, PARTIAL, NEVER }

    private void fill(LocalDate today, int debtorCount, int invoiceCount) {
        Random random = new Random(20261127L);
        List<Debtor> debtors = new ArrayList<>();
        List<Behaviour> behaviours = new ArrayList<>();
        for (int i = 0; i < debtorCount; i++) {
            debtors.add(ledger.createDebtor(debtor(i, random)));
            int roll = random.nextInt(100);
            behaviours.add(roll < 62 ? Behaviour.PUNCTUAL : roll < 84 ? Behaviour.LATE : roll < 92 ? Behaviour.VERY_LATE
                    : roll < 97 ? Behaviour.PARTIAL : Behaviour.NEVER);
        }
        LocalDate first = today.minusMonths(18);
        int days = (int) (today.toEpochDay() - first.toEpochDay());
        for (int n = 1; n <= invoiceCount; n++) {
            int d = random.nextInt(debtorCount);
            LocalDate issue = first.plusDays((long) n * days / invoiceCount);
            int terms = new int[] {30, 45, 60}[random.nextInt(3)];
            BigDecimal excl = BigDecimal.valueOf(200 + random.nextInt(14_800)).add(BigDecimal.valueOf(random.nextInt(100), 2));
            BigDecimal vat = excl.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
            Invoice invoice = ledger.issueInvoice(new InvoiceDraft(debtors.get(d).id(),
                    "F" + issue.getYear() + "-" + String.format("%05d", n), issue, issue.plusDays(terms),
                    terms + " jours date de facture", "EUR", excl, vat, excl.add(vat), random.nextInt(4) == 0 ? "PO-" + (4000 + n) : null));
            if (random.nextInt(60) == 0) {
                BigDecimal creditExcl = excl.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
                BigDecimal creditVat = creditExcl.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_UP);
                CreditNote note = ledger.issueCreditNote(new CreditNoteDraft(debtors.get(d).id(), "AV" + issue.getYear() + "-" + n,
                        issue.plusDays(5), "EUR", creditExcl, creditVat, creditExcl.add(creditVat)));
                ledger.applyCreditNote(note.id(), invoice.id(), note.amountInclTax(), note.issueDate());
                invoice = ledger.invoice(invoice.id());
            }
            pay(invoice, behaviours.get(d), today, random);
        }
    }

    private void pay(Invoice invoice, Behaviour behaviour, LocalDate today, Random random) {
        int delay = switch (behaviour) {
            case PUNCTUAL -> random.nextInt(8) - 5;
            case LATE -> 5 + random.nextInt(40);
            case VERY_LATE -> 45 + random.nextInt(120);
            case PARTIAL -> 10 + random.nextInt(60);
            case NEVER -> Integer.MAX_VALUE;
        };
        if (delay == Integer.MAX_VALUE) {
            return;
        }
        LocalDate paidOn = invoice.dueDate().plusDays(delay);
        if (paidOn.isAfter(today)) {
            return;
        }
        BigDecimal amount = invoice.openAmount();
        if (behaviour == Behaviour.PARTIAL || random.nextInt(40) == 0) {
            amount = amount.multiply(BigDecimal.valueOf(30 + random.nextInt(50))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        }
        ledger.recordPayment(new PaymentDraft(invoice.debtorId(), paidOn, amount, "EUR", PaymentMethod.TRANSFER,
                "VIR " + invoice.number(), List.of(new PaymentDraft.Share(invoice.id(), amount))));
    }

    private static DebtorDraft debtor(int i, Random random) {
        String name = STEMS[random.nextInt(STEMS.length)] + " " + NAMES[random.nextInt(NAMES.length)] + " "
                + FORMS[random.nextInt(FORMS.length)];
        String siren = siren(random);
        String city = CITIES[random.nextInt(CITIES.length)];
        DebtorKind kind = i % 25 == 7 ? DebtorKind.PUBLIC : i % 30 == 11 ? DebtorKind.B2C : DebtorKind.B2B;
        String slug = name.toLowerCase().replaceAll("[^a-z]", "").substring(0, 8);
        // A reserved domain (RFC 2606): once someone sets mail settings, the demo's dunning reaches no real mailbox.
        String email = "compta@" + slug + ".example";
        return new DebtorDraft(String.format("C%05d", i + 1), name, kind == DebtorKind.B2C ? null : siren, null,
                kind == DebtorKind.B2C ? null : vat(siren), kind,
                new Address((1 + random.nextInt(120)) + " avenue de la République", null, city.substring(0, 5),
                        city.substring(6), "FR"),
                email, "+33 1 " + (40 + random.nextInt(50)) + " 00 00 " + (10 + random.nextInt(89)),
                random.nextInt(10) == 0 ? "en" : "fr",
                List.of(new Contact("Service comptabilité", email, null, ContactRole.ACCOUNTS_PAYABLE)));
    }

    /** A random SIREN whose ninth digit is the Luhn key. */
    private static String siren(Random random) {
        String body = String.format("%08d", random.nextInt(100_000_000));
        for (int key = 0; key < 10; key++) {
            String candidate = body + key;
            int sum = 0;
            for (int p = 0; p < 9; p++) {
                int digit = candidate.charAt(8 - p) - '0';
                if (p % 2 == 1) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: one key digit always completes the Luhn sum");
    }

    private static String vat(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return "FR" + String.format("%02d", key) + siren;
    }
}
