package fr.encaisse.banking.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, generated receivables ledger and a statement of credits against it, with the noise
 * real statements carry: RF references and our direct-debit end-to-end ids, invoice numbers in
 * free text written every which way (prefix dropped or changed, spaces, OCR confusions), typos,
 * several invoices in one payment (sometimes one of them not named), partial payments of round
 * amounts, credit notes and early-payment discounts deducted, overpayments, a parent company
 * paying for its subsidiary, payers known only by their account, payers known only by their
 * name, and strangers.
 *
 * <p>Each credit comes with what a careful person would do with it ({@link Expected}): the
 * settlement, and whether the credit is <em>matchable</em>, meaning that the line and the ledger
 * leave no reasonable doubt (see {@code docs/banking.md} for the definition per kind). Used by
 * the accuracy test and by the benchmark in {@code bench/banking}.
 */
public final class ReconciliationDataSet {

    /** The kinds of credit the statement holds. */
    public enum Kind {
        RF_REFERENCE, DIRECT_DEBIT, NUMBER_IN_TEXT, NUMBER_WITH_NOISE, NUMBER_WITH_TYPO, SEVERAL_INVOICES,
        PARTIAL_PAYMENT, CREDIT_NOTE_DEDUCTED, DISCOUNT_DEDUCTED, OVERPAYMENT, KNOWN_ACCOUNT_ONLY,
        PARENT_PAYS_SUBSIDIARY, NAME_ONLY, STRANGER
    }

    /** What should happen to a credit: these invoice shares (cents) and credit notes applied (cents). */
    public record Expected(Kind kind, boolean matchable, UUID debtorId, Map<UUID, Long> shares, Map<UUID, Long> creditNotes) {
    }

    // debtors
    public final UUID[] debtorIds;
    public final String[] debtorNames;
    final String[] debtorIbans;
    final boolean[] debtorKnownAccount;
    final int[] parent;

    // invoices (open items at the start)
    public final UUID[] invoiceIds;
    public final String[] invoiceNumbers;
    final int[] invoiceDebtor;
    final long[] invoiceOpen;
    final LocalDate[] invoiceDue;
    final int[][] debtorInvoices;

    // credit notes
    final List<UUID> noteIds = new ArrayList<>();
    final List<Integer> noteDebtor = new ArrayList<>();
    final List<String> noteNumbers = new ArrayList<>();
    final List<Long> noteOpen = new ArrayList<>();
    final List<Long> noteInitial = new ArrayList<>();
    final Map<Integer, Integer> debtorNote = new HashMap<>();

    public final List<IncomingCredit> credits = new ArrayList<>();
    public final List<Expected> expected = new ArrayList<>();

    private final Random random;
    private final boolean[] used;
    private final long[] open;
    private final Map<Long, Integer> amountCount = new HashMap<>();

    private static final String[] SURNAMES = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefevre",
            "Faure", "Andre", "Mercier", "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand",
            "Gauthier", "Garcia", "Perrin", "Robin", "Clement", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
            "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noel", "Meyer", "Dufour",
            "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Riviere", "Lucas", "Brunet", "Gaillard", "Barbier",
            "Arnaud", "Martinez", "Gerard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
            "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
            "Bourgeois", "Pierre", "Benoit", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
            "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
            "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam",
            "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carre", "Charles", "Renault", "Charpentier", "Menard",
            "Maillard", "Baron", "Bertin", "Bailly", "Herve", "Schneider", "Fernandez", "Le Gall", "Collet", "Leger",
            "Bouvier", "Julien", "Prevost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain", "Breton",
            "Besson", "Langlois", "Remy", "Le Goff", "Pelletier", "Leveque", "Perrier", "Leblanc", "Barre", "Lebrun",
            "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez", "Guichard",
            "Gillet", "Etienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
            "Bouchet", "Gay", "Lemaitre", "Benard", "Marechal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
            "Barthelemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier"};
    private static final String[] TRADES = {"Transports", "Batiment", "Menuiserie", "Plomberie", "Electricite",
            "Boulangerie", "Imprimerie", "Conseil", "Informatique", "Logistique", "Distribution", "Negoce", "Garage",
            "Carrosserie", "Peinture", "Toiture", "Charpente", "Paysages", "Nettoyage", "Securite", "Restauration",
            "Traiteur", "Hotellerie", "Pharmacie", "Optique", "Architecture", "Ingenierie", "Metallerie", "Chaudronnerie",
            "Mecanique", "Plasturgie", "Emballages", "Textiles", "Confection", "Chaussures", "Meubles", "Decoration",
            "Fleurs", "Vins", "Fromagerie", "Boucherie", "Primeurs", "Librairie", "Papeterie", "Editions", "Audiovisuel",
            "Evenements", "Formation", "Recrutement", "Interim", "Immobilier", "Expertise", "Assurances", "Courtage",
            "Medical", "Dentaire", "Veterinaire", "Agriculture", "Jardinerie", "Materiaux"};
    private static final String[] CITIES = {"Lyon", "Paris", "Lille", "Nantes", "Rennes", "Bordeaux", "Toulouse",
            "Marseille", "Nice", "Grenoble", "Dijon", "Reims", "Rouen", "Caen", "Tours", "Orleans", "Metz", "Nancy",
            "Strasbourg", "Mulhouse", "Besancon", "Limoges", "Poitiers", "Angers", "Brest", "Quimper", "Vannes",
            "Lorient", "Annecy", "Chambery", "Valence", "Avignon", "Nimes", "Montpellier", "Perpignan", "Pau", "Bayonne",
            "Biarritz", "Agen", "Albi", "Rodez", "Clermont", "Vichy", "Bourges", "Chartres", "Amiens", "Arras", "Calais",
            "Troyes", "Colmar"};
    private static final String[] FORMS = {"SAS", "SARL", "SA", "EURL", "SASU", "SNC"};

    private ReconciliationDataSet(long seed, int debtors, int invoices) {
        random = new Random(seed);
        debtorIds = new UUID[debtors];
        debtorNames = new String[debtors];
        debtorIbans = new String[debtors];
        debtorKnownAccount = new boolean[debtors];
        parent = new int[debtors];
        for (int d = 0; d < debtors; d++) {
            debtorIds[d] = new UUID(random.nextLong(), random.nextLong());
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + TRADES[random.nextInt(TRADES.length)];
            if (random.nextInt(10) < 6) {
                name += " " + CITIES[random.nextInt(CITIES.length)];
            }
            debtorNames[d] = name + " " + FORMS[random.nextInt(FORMS.length)];
            debtorIbans[d] = "FR76" + digits(23);
            debtorKnownAccount[d] = random.nextInt(100) < 60;
            parent[d] = d > 10 && random.nextInt(10) == 0 ? random.nextInt(d) : -1;
        }
        invoiceIds = new UUID[invoices];
        invoiceNumbers = new String[invoices];
        invoiceDebtor = new int[invoices];
        invoiceOpen = new long[invoices];
        invoiceDue = new LocalDate[invoices];
        int[] counts = new int[debtors];
        LocalDate start = LocalDate.of(2023, 1, 1);
        int year = 2023;
        int sequence = 0;
        int perYear = Math.max(1, invoices / 3);
        for (int i = 0; i < invoices; i++) {
            if (sequence == perYear && year < 2025) {
                year++;
                sequence = 0;
            }
            sequence++;
            invoiceIds[i] = new UUID(random.nextLong(), random.nextLong());
            invoiceNumbers[i] = String.format(Locale.ROOT, "FA-%d-%06d", year, sequence);
            int d = i < debtors ? i : random.nextInt(debtors);
            invoiceDebtor[i] = d;
            counts[d]++;
            long total = amount();
            invoiceOpen[i] = random.nextInt(10) == 0 ? Math.max(100, total / (2 + random.nextInt(3))) : total;
            invoiceDue[i] = start.plusDays((long) i * 900 / invoices + random.nextInt(30));
            amountCount.merge(invoiceOpen[i], 1, Integer::sum);
        }
        debtorInvoices = new int[debtors][];
        for (int d = 0; d < debtors; d++) {
            debtorInvoices[d] = new int[counts[d]];
            counts[d] = 0;
        }
        for (int i = 0; i < invoices; i++) {
            int d = invoiceDebtor[i];
            debtorInvoices[d][counts[d]++] = i;
        }
        for (int d = 0; d < debtors; d++) {
            if (random.nextInt(100) < 3) {
                int first = debtorInvoices[d][0];
                long note = Math.max(500, invoiceOpen[first] / (4 + random.nextInt(6)));
                debtorNote.put(d, noteIds.size());
                noteIds.add(new UUID(random.nextLong(), random.nextLong()));
                noteDebtor.add(d);
                noteNumbers.add(String.format(Locale.ROOT, "AV-2024-%05d", noteIds.size()));
                noteOpen.add(note);
                noteInitial.add(note);
            }
        }
        used = new boolean[invoices];
        open = invoiceOpen.clone();
    }

    /** {@code debtors} debtors, {@code invoices} open invoices, {@code lines} credits, all from {@code seed}. */
    public static ReconciliationDataSet generate(long seed, int debtors, int invoices, int lines) {
        ReconciliationDataSet set = new ReconciliationDataSet(seed, debtors, invoices);
        for (int n = 0; n < lines; n++) {
            set.addCredit();
        }
        set.byNumberKey = null;
        return set;
    }

    /** The book the engine starts from: the ledger as the bulk read would give it. */
    public OpenItemBook book() {
        OpenItemBook.Builder b = OpenItemBook.builder();
        for (int d = 0; d < debtorIds.length; d++) {
            b.debtor(debtorIds[d], debtorNames[d]);
        }
        for (int[] invoices : debtorInvoices) { // grouped by debtor, as the ledger's bulk read gives them
            for (int i : invoices) {
                b.invoice(invoiceIds[i], debtorIds[invoiceDebtor[i]], invoiceNumbers[i], "EUR",
                        BigDecimal.valueOf(invoiceOpen[i], 2), invoiceDue[i]);
            }
        }
        for (int c = 0; c < noteIds.size(); c++) {
            b.creditNote(noteIds.get(c), debtorIds[noteDebtor.get(c)], noteNumbers.get(c), "EUR",
                    BigDecimal.valueOf(noteInitial.get(c), 2));
        }
        for (int d = 0; d < debtorIds.length; d++) {
            if (debtorKnownAccount[d]) {
                b.payerAccount(debtorIbans[d], debtorIds[d]);
            }
        }
        return b.build();
    }

    /** How many credits of each kind, and how many of them are matchable. */
    public Map<Kind, int[]> census() {
        Map<Kind, int[]> census = new EnumMap<>(Kind.class);
        for (Expected e : expected) {
            int[] c = census.computeIfAbsent(e.kind(), k -> new int[2]);
            c[0]++;
            if (e.matchable()) {
                c[1]++;
            }
        }
        return census;
    }

    // ---- credits

    private void addCredit() {
        int roll = random.nextInt(100);
        if (roll < 20) {
            referenced(Kind.RF_REFERENCE);
        } else if (roll < 30) {
            referenced(Kind.DIRECT_DEBIT);
        } else if (roll < 48) {
            referenced(Kind.NUMBER_IN_TEXT);
        } else if (roll < 56) {
            referenced(Kind.NUMBER_WITH_NOISE);
        } else if (roll < 63) {
            referenced(Kind.NUMBER_WITH_TYPO);
        } else if (roll < 70) {
            severalInvoices();
        } else if (roll < 76) {
            partial();
        } else if (roll < 78) {
            creditNote();
        } else if (roll < 80) {
            referenced(Kind.DISCOUNT_DEDUCTED);
        } else if (roll < 82) {
            referenced(Kind.OVERPAYMENT);
        } else if (roll < 88) {
            knownAccountOnly();
        } else if (roll < 92) {
            parentPaysSubsidiary();
        } else if (roll < 96) {
            nameOnly();
        } else {
            stranger();
        }
    }

    private void referenced(Kind kind) {
        int d = debtorWithFree(1);
        if (d < 0) {
            stranger();
            return;
        }
        int i = free(d, 1)[0];
        long amount = open[i];
        String number = invoiceNumbers[i];
        String e2e = null;
        List<String> structured = new ArrayList<>();
        List<String> text = new ArrayList<>();
        boolean matchable = true;
        switch (kind) {
            case RF_REFERENCE -> {
                structured.add(random.nextBoolean() ? rf(number) : rfPrinted(number));
                text.add(random.nextBoolean() ? "VIREMENT " + debtorNames[d].toUpperCase(Locale.ROOT) : "");
            }
            case DIRECT_DEBIT -> {
                e2e = "ENC-" + number;
                text.add("PRLV SEPA " + number);
            }
            case NUMBER_IN_TEXT -> text.add(cleanMention(number));
            case NUMBER_WITH_NOISE -> text.add(noisyMention(number));
            case NUMBER_WITH_TYPO -> {
                String typo = typo(number);
                text.add(pick("FACTURE ", "FACT ", "REGLEMENT ", "") + typo);
                // a typo is recoverable when one invoice one edit away has exactly this amount and the
                // payer is known, or the amount is rare; and the typo does not name another invoice of
                // the same payer, nor an invoice of anyone with this very amount (two invoices would
                // then fit: one by its number, one by the payer)
                int sameDebtorHit = indexOfNumber(d, typo);
                int hit = indexOfNumber(typo);
                boolean sameAmountElsewhere = hit >= 0 && invoiceOpen[hit] == amount;
                matchable = sameDebtorHit < 0 && !sameAmountElsewhere
                        && (debtorKnownAccount[d] || amountCount.getOrDefault(amount, 0) <= 1);
            }
            case DISCOUNT_DEDUCTED -> {
                amount = BigDecimal.valueOf(open[i]).multiply(new BigDecimal("0.98"))
                        .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
                text.add(cleanMention(number) + " ESCOMPTE 2%");
            }
            case OVERPAYMENT -> {
                amount = open[i] + (1 + random.nextInt(20)) * 100L;
                boolean rf = random.nextBoolean();
                if (rf) {
                    structured.add(rf(number));
                } else {
                    text.add(cleanMention(number));
                }
                matchable = rf || debtorKnownAccount[d];
            }
            default -> throw new IllegalStateException(kind.name());
        }
        // an overpayment settles the invoice and leaves the rest on the account; a discount leaves it open
        Map<UUID, Long> shares = Map.of(invoiceIds[i], kind == Kind.OVERPAYMENT ? open[i] : amount);
        use(i, open[i]);
        add(kind, matchable, d, amount, e2e, structured, text, payerName(d), debtorIbans[d], shares, Map.of());
    }

    private void severalInvoices() {
        int d = debtorWithFree(2);
        if (d < 0) {
            stranger();
            return;
        }
        int count = 2 + random.nextInt(Math.min(3, Math.max(1, free(d, 99).length - 1)));
        int[] chosen = free(d, count);
        long amount = 0;
        List<String> numbers = new ArrayList<>();
        Map<UUID, Long> shares = new HashMap<>();
        int unnamed = chosen.length >= 3 && random.nextInt(4) == 0 ? random.nextInt(chosen.length) : -1;
        // one invoice not named: recoverable when the payer is known and no other set of its open
        // invoices makes up the missing amount
        boolean matchable = unnamed < 0 || debtorKnownAccount[d] && onlyWayToMake(d, chosen, chosen[unnamed]);
        for (int k = 0; k < chosen.length; k++) {
            int i = chosen[k];
            amount += open[i];
            shares.put(invoiceIds[i], open[i]);
            if (k != unnamed) {
                numbers.add(random.nextInt(5) == 0 ? noisyNumber(invoiceNumbers[i]) : invoiceNumbers[i]);
            }
            use(i, open[i]);
        }
        String text = pick("FACTURES ", "REGLT FACT ", "PAIEMENT ", "") + String.join(pick(" ", ", ", " / ", " + "), numbers);
        add(Kind.SEVERAL_INVOICES, matchable, d, amount, null, List.of(), List.of(text), payerName(d), debtorIbans[d],
                shares, Map.of());
    }

    private void partial() {
        int d = debtorWithFree(1);
        if (d < 0) {
            stranger();
            return;
        }
        int i = free(d, 1)[0];
        if (open[i] < 20_000) {
            referenced(Kind.NUMBER_IN_TEXT);
            return;
        }
        long round = Math.max(10_000, (open[i] / 2) / 10_000 * 10_000); // round hundreds of euros
        boolean rf = random.nextBoolean();
        List<String> structured = rf ? List.of(rf(invoiceNumbers[i])) : List.of();
        List<String> text = List.of(rf ? "ACOMPTE" : "ACOMPTE " + cleanMention(invoiceNumbers[i]));
        boolean matchable = rf || debtorKnownAccount[d];
        use(i, round);
        add(Kind.PARTIAL_PAYMENT, matchable, d, round, null, structured, text, payerName(d), debtorIbans[d],
                Map.of(invoiceIds[i], round), Map.of());
    }

    private void creditNote() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int d = random.nextInt(debtorIds.length);
            Integer c = debtorNote.get(d);
            if (c == null || noteOpen.get(c) == 0) {
                continue;
            }
            int[] candidates = free(d, 99);
            for (int i : candidates) {
                if (open[i] > noteOpen.get(c)) {
                    long note = noteOpen.get(c);
                    long amount = open[i] - note;
                    noteOpen.set(c, 0L); // used up: never deducted twice
                    use(i, open[i]);
                    add(Kind.CREDIT_NOTE_DEDUCTED, true, d, amount, null, List.of(),
                            List.of(cleanMention(invoiceNumbers[i]) + " MOINS AVOIR " + noteNumbers.get(c)),
                            payerName(d), debtorIbans[d], Map.of(invoiceIds[i], amount), Map.of(noteIds.get(c), note));
                    return;
                }
            }
        }
        referenced(Kind.NUMBER_IN_TEXT);
    }

    private void knownAccountOnly() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int d = debtorWithFree(1);
            if (d < 0 || !debtorKnownAccount[d]) {
                continue;
            }
            int i = free(d, 1)[0];
            // matchable when no other invoice of the debtor had the same amount (earlier credits
            // that were only suggested leave theirs open)
            boolean unique = true;
            for (int j : debtorInvoices[d]) {
                unique &= j == i || invoiceOpen[j] != open[i];
            }
            long amount = open[i];
            use(i, amount);
            add(Kind.KNOWN_ACCOUNT_ONLY, unique, d, amount, null, List.of(), List.of(pick("VIREMENT", "REGLEMENT",
                    "PAIEMENT FACTURE", "VIR SEPA")), payerName(d), debtorIbans[d], Map.of(invoiceIds[i], amount), Map.of());
            return;
        }
        referenced(Kind.RF_REFERENCE);
    }

    private void parentPaysSubsidiary() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int s = random.nextInt(debtorIds.length);
            if (parent[s] < 0) {
                continue;
            }
            int[] free = free(s, 1);
            if (free.length == 0) {
                continue;
            }
            int i = free[0];
            int p = parent[s];
            long amount = open[i];
            use(i, amount);
            add(Kind.PARENT_PAYS_SUBSIDIARY, true, s, amount, null, List.of(),
                    List.of(cleanMention(invoiceNumbers[i]) + " POUR " + debtorNames[s].toUpperCase(Locale.ROOT)),
                    payerName(p), debtorIbans[p], Map.of(invoiceIds[i], amount), Map.of());
            return;
        }
        referenced(Kind.NUMBER_IN_TEXT);
    }

    private void nameOnly() {
        int d = debtorWithFree(1);
        if (d < 0) {
            stranger();
            return;
        }
        int i = free(d, 1)[0];
        long amount = open[i];
        use(i, amount);
        add(Kind.NAME_ONLY, false, d, amount, null, List.of(), List.of("VIREMENT"), payerName(d), "DE89" + digits(18),
                Map.of(invoiceIds[i], amount), Map.of());
    }

    private void stranger() {
        long amount = amount();
        add(Kind.STRANGER, false, -1, amount, null, List.of(),
                List.of(pick("REMBOURSEMENT", "VIREMENT DE M DURAND", "LOYER MARS", "SUBVENTION", "REGUL TVA")),
                pick("M. JEAN DUPRE", "CAF DU RHONE", "URSSAF", "DGFIP", "SCI LES TILLEULS"), "FR76" + digits(23), Map.of(),
                Map.of());
    }

    private void add(Kind kind, boolean matchable, int debtor, long amount, String e2e, List<String> structured,
                     List<String> text, String payerName, String payerIban, Map<UUID, Long> shares,
                     Map<UUID, Long> notes) {
        credits.add(new IncomingCredit(BigDecimal.valueOf(amount, 2), "EUR", LocalDate.of(2025, 3, 3), e2e, structured,
                text, payerName, payerIban));
        expected.add(new Expected(kind, matchable, debtor < 0 ? null : debtorIds[debtor], shares, notes));
    }

    // ---- pieces

    private long amount() {
        if (random.nextInt(10) < 3) {
            return (1 + random.nextInt(60)) * 5_000L; // round: 50.00 to 3,000.00
        }
        double euros = Math.exp(4 + random.nextGaussian() * 1.2 + 2.5);
        return Math.max(1_000, Math.min(5_000_000, Math.round(euros * 100)));
    }

    private int debtorWithFree(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int d = random.nextInt(debtorIds.length);
            if (free(d, count).length >= count) {
                return d;
            }
        }
        return -1;
    }

    /** Up to {@code count} of the debtor's invoices not yet paid by an earlier credit, in random order. */
    private int[] free(int d, int count) {
        int[] all = debtorInvoices[d].clone();
        for (int k = all.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = all[k];
            all[k] = all[j];
            all[j] = t;
        }
        int[] free = new int[Math.min(count, all.length)];
        int n = 0;
        for (int i : all) {
            if (!used[i] && n < free.length) {
                free[n++] = i;
            }
        }
        return Arrays.copyOf(free, n);
    }

    private void use(int invoice, long cents) {
        used[invoice] = true;
        open[invoice] -= cents;
    }

    private boolean onlyWayToMake(int d, int[] named, int missing) {
        List<Long> others = new ArrayList<>();
        for (int i : debtorInvoices[d]) {
            boolean isNamed = false;
            for (int n : named) {
                isNamed |= n == i && n != missing;
            }
            if (!isNamed && open[i] > 0 && i != missing) {
                others.add(open[i]);
            }
        }
        return ways(others, 0, open[missing], 4) == 0;
    }

    private static int ways(List<Long> amounts, int from, long target, int left) {
        if (target == 0) {
            return 1;
        }
        if (left == 0 || target < 0) {
            return 0;
        }
        int count = 0;
        for (int k = from; k < amounts.size() && count == 0; k++) {
            count += ways(amounts, k + 1, target - amounts.get(k), left - 1);
        }
        return count;
    }

    /** Invoice positions by number key, while generating (dropped afterwards: it is big). */
    private Map<String, Integer> byNumberKey;

    private int indexOfNumber(String text) {
        if (byNumberKey == null) {
            byNumberKey = new HashMap<>(invoiceNumbers.length * 2);
            for (int i = 0; i < invoiceNumbers.length; i++) {
                byNumberKey.put(Text.key(invoiceNumbers[i]), i);
            }
        }
        return byNumberKey.getOrDefault(Text.key(text), -1);
    }

    private int indexOfNumber(int debtor, String text) {
        String key = Text.key(text);
        for (int i : debtorInvoices[debtor]) {
            if (Text.key(invoiceNumbers[i]).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private String payerName(int d) {
        String name = debtorNames[d].toUpperCase(Locale.ROOT);
        int roll = random.nextInt(10);
        if (roll < 2) {
            name = name.substring(0, name.lastIndexOf(' ')); // legal form dropped
        } else if (roll < 3) {
            name = "STE " + name;
        } else if (roll < 4 && name.length() > 18) {
            name = name.substring(0, 18); // truncated by the bank
        }
        return name;
    }

    private String cleanMention(String number) {
        return switch (random.nextInt(6)) {
            case 0 -> "FACTURE " + number;
            case 1 -> "Fact. n° " + number;
            case 2 -> "REGLEMENT " + number + " DU " + (1 + random.nextInt(28)) + "/0" + (1 + random.nextInt(9)) + "/2025";
            case 3 -> "PAIEMENT FACT " + number.replace("-", "");
            case 4 -> number + " MERCI";
            default -> "VIR " + number.toLowerCase(Locale.ROOT);
        };
    }

    private String noisyMention(String number) {
        return pick("FACTURE ", "FACT ", "REGLT ", "N° ", "") + noisyNumber(number);
    }

    /** The number as hurried people and OCR write it: another prefix or none, spaces, letters for digits. */
    private String noisyNumber(String number) {
        String digits = number.substring(3); // 2024-000123
        String noisy = switch (random.nextInt(6)) {
            case 0 -> digits;                                   // prefix dropped
            case 1 -> digits.replace("-", "");                  // prefix and dash dropped
            case 2 -> "F" + digits.replace("-", "");            // another prefix
            case 3 -> "INV " + digits;                          // another prefix
            case 4 -> number.replace("-", " ").replace("000", "000 "); // spaces
            default -> ocr(number);                             // OCR confusions
        };
        return random.nextBoolean() ? noisy : noisy.toLowerCase(Locale.ROOT);
    }

    private String ocr(String number) {
        char[] chars = number.toCharArray();
        int changes = 1 + random.nextInt(2);
        for (int attempt = 0; attempt < 20 && changes > 0; attempt++) {
            int k = 3 + random.nextInt(chars.length - 3);
            char replaced = switch (chars[k]) {
                case '0' -> 'O';
                case '1' -> 'I';
                case '5' -> 'S';
                case '8' -> 'B';
                case '2' -> 'Z';
                default -> chars[k];
            };
            if (replaced != chars[k]) {
                chars[k] = replaced;
                changes--;
            }
        }
        return new String(chars);
    }

    /** One typo in the serial part: a digit replaced, two swapped, one dropped or one doubled. */
    private String typo(String number) {
        String head = number.substring(0, 8); // FA-2024-
        char[] serial = number.substring(8).toCharArray();
        int k = random.nextInt(serial.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                char c;
                do {
                    c = (char) ('0' + random.nextInt(10));
                } while (c == serial[k]);
                serial[k] = c;
            }
            case 1 -> {
                int j = k == serial.length - 1 ? k - 1 : k + 1;
                if (serial[j] == serial[k]) {
                    serial[k] = serial[k] == '9' ? '8' : (char) (serial[k] + 1);
                } else {
                    char t = serial[k];
                    serial[k] = serial[j];
                    serial[j] = t;
                }
            }
            case 2 -> {
                String s = new String(serial);
                return head + s.substring(0, k) + s.substring(k + 1);
            }
            default -> {
                String s = new String(serial);
                return head + s.substring(0, k) + s.charAt(k) + s.substring(k);
            }
        }
        return head + new String(serial);
    }

    private static String rf(String number) {
        return fr.encaisse.banking.CreditorReference.forInvoice(number).value();
    }

    private static String rfPrinted(String number) {
        return fr.encaisse.banking.CreditorReference.forInvoice(number).printed();
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
