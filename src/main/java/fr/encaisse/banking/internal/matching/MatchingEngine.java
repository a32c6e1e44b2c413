package fr.encaisse.banking.internal.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import fr.encaisse.banking.CreditorReference;
import fr.encaisse.banking.RemittanceText;
import fr.encaisse.banking.internal.matching.Confidence.Fit;
import fr.encaisse.banking.internal.matching.Confidence.Payer;
import fr.encaisse.banking.internal.matching.Confidence.Ref;
import fr.encaisse.banking.internal.matching.Confidence.Shape;
import fr.encaisse.banking.internal.matching.Reason.Code;

/**
 * Ranks the ways an incoming credit may settle open items, and says whether the best one may be
 * applied without a person. Pure and in memory: it reads an {@link OpenItemBook} and nothing
 * else, so a statement of 100,000 lines is matched against a million invoices in seconds.
 *
 * <p>Evidence, strongest first: the end-to-end id of our own SEPA direct debit
 * ({@code ENC-<invoice number>}) or an end-to-end id equal to an invoice number; a valid ISO 11649
 * RF reference made from an invoice number; invoice numbers in the remittance text, as written,
 * with OCR-like confusions or another prefix, or one typo away; the payer's account linked to a
 * debtor; the payer's name; then the amount: equal to what is open on the named invoices, to a
 * combination of the debtor's invoices (bounded subset-sum), to the balance less a credit note or
 * an early-payment discount, or less (partial payment) or more (the rest stays as a credit on the
 * debtor's account). {@link Confidence} turns the evidence into a figure.
 *
 * <p>Automatic when the best proposal reaches the threshold and beats the next one by
 * {@link #MARGIN}: when in doubt the engine suggests rather than allocates.
 */
public final class MatchingEngine {

    public static final int DEFAULT_THRESHOLD = 90;
    /** How far ahead of the second proposal the first must be to be applied automatically. */
    public static final int MARGIN = 10;
    /** Proposals below this are not shown. */
    public static final int MIN_CONFIDENCE = 25;
    public static final int MAX_CANDIDATES = 5;

    static final int MIN_DIGITS = 5;
    /** An amount at most this many open invoices share is distinctive. */
    static final int DISTINCT_AMOUNT = 5;
    private static final int MAX_AMOUNT_HITS = 50;
    private static final int MAX_NAME_POSTINGS = 2_000;
    private static final int MAX_NAME_CANDIDATES = 400;
    /** Debtors whose name resembles the payer's that are considered, best first. */
    private static final int MAX_NAME_MATCHES = 5;
    private static final double NAME_WEAK = 0.6;
    private static final double NAME_STRONG = 0.9;
    /**
     * How our SEPA direct debits' end-to-end ids begin ({@code ENC-<invoice number>}); the dash
     * keeps a payer's "ENCAISSEMENT …" from passing for ours.
     */
    public static final String OUR_END_TO_END_PREFIX = "ENC-";
    private static final int MAX_TEXT = 1_000;
    private static final int MAX_WINDOW_TOKENS = 4;
    private static final int MAX_WINDOW = 25;
    /** Early-payment discounts looked for, in per mille of the amount due. */
    private static final int[] DISCOUNTS_PER_MILLE = {5, 10, 15, 20, 25, 30, 40, 50};

    private final OpenItemBook book;
    private final int threshold;
    /** Scratch space of the name search, one per thread. */
    private final ThreadLocal<int[]> wordCounts = new ThreadLocal<>();

    public MatchingEngine(OpenItemBook book, int threshold) {
        if (threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("threshold is 0 to 100: " + threshold);
        }
        this.book = book;
        this.threshold = threshold;
    }

    public OpenItemBook book() {
        return book;
    }

    public int threshold() {
        return threshold;
    }

    /** The proposals for one credit, against the book as it is now. */
    public MatchResult match(IncomingCredit credit) {
        return evaluate(credit).result();
    }

    /**
     * Matches a statement's credits in order, applying each automatic match to the book before the
     * next credit, exactly as calling {@link #match} and {@link #apply} one credit at a time would.
     * With {@code threads} above 1 a first pass matches all credits in parallel against the book
     * as it is; then, in order, each credit whose result read a debtor or an amount that an earlier
     * automatic match changed is matched again.
     */
    public List<MatchResult> matchAll(List<IncomingCredit> credits, int threads) {
        return matchAll(credits, threads, (k, proposal) -> true);
    }

    /**
     * What is done with an automatic match before the book records it: true if it was applied
     * (recorded in the ledger, say); false leaves the book as it was.
     */
    @FunctionalInterface
    public interface Settlement {
        boolean settle(int index, Proposal proposal);
    }

    /**
     * As {@link #matchAll(List, int)}, handing each automatic match to {@code settlement} first;
     * the book records it only if that succeeds.
     */
    public List<MatchResult> matchAll(List<IncomingCredit> credits, int threads, Settlement settlement) {
        int n = credits.size();
        MatchResult[] results = new MatchResult[n];
        Outcome[] first = new Outcome[n];
        if (threads > 1 && n > 1) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, n).parallel().forEach(k -> first[k] = evaluate(credits.get(k)))).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while matching", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("matching failed", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        BitSet changedInvoices = new BitSet(book.invoiceCount());
        BitSet changedDebtors = new BitSet(book.debtorCount());
        Set<Long> changedAmounts = new HashSet<>();
        for (int k = 0; k < n; k++) {
            Outcome o = first[k];
            if (o == null || o.readAny(changedInvoices, changedDebtors, changedAmounts)) {
                o = evaluate(credits.get(k));
            }
            results[k] = o.result();
            if (o.result().automatic() && settlement.settle(k, o.result().candidates().get(0))) {
                Proposal best = o.result().candidates().get(0);
                List<Integer> changing = new ArrayList<>();
                best.shares().forEach(share -> changing.add(share.item()));
                best.creditNotes().forEach(use -> changing.add(use.invoiceItem()));
                for (int i : changing) {
                    changedInvoices.set(i);
                    changedDebtors.set(book.invoiceDebtor[i]);
                    changedAmounts.add(book.invoiceOpen[i]);
                }
                apply(best);
                for (int i : changing) {
                    changedAmounts.add(book.invoiceOpen[i]);
                }
            }
        }
        return List.of(results);
    }

    /**
     * A result, and what it was computed from: the invoices it read, the debtors whose open items
     * it read in full, and the amount it looked up.
     */
    private record Outcome(MatchResult result, int[] invoices, int[] debtors, long amount) {

        boolean readAny(BitSet changedInvoices, BitSet changedDebtors, Set<Long> changedAmounts) {
            if (changedAmounts.contains(amount)) {
                return true;
            }
            for (int i : invoices) {
                if (changedInvoices.get(i)) {
                    return true;
                }
            }
            for (int d : debtors) {
                if (changedDebtors.get(d)) {
                    return true;
                }
            }
            return false;
        }
    }

    private Outcome evaluate(IncomingCredit credit) {
        if (credit.amount() == null || credit.amount().signum() <= 0 || credit.currency() == null) {
            return new Outcome(MatchResult.NONE, new int[0], new int[0], -1);
        }
        long amount;
        try {
            amount = OpenItemBook.cents(credit.amount());
        } catch (ArithmeticException e) {
            return new Outcome(MatchResult.NONE, new int[0], new int[0], -1); // more decimals than cents
        }
        Line line = new Line(credit, amount);
        line.readReferences();
        line.readPayerAccount();
        // the name is searched among all debtors only when the account says nothing and the named
        // invoices (if any) are not of a debtor whose name resembles the payer's
        if (line.ibanDebtors.length == 0 && (line.named.isEmpty() || line.payerUnlikeNamedDebtors())) {
            line.searchPayerName();
        }
        List<Proposal> proposals = line.propose();
        if (leavesDoubt(proposals)) {
            // typos: first among invoices whose amount fits (cheap), then among all in view
            boolean found = line.readSimilarNumbers(true);
            if (!found && !line.hasConvincingNamed(proposals)) {
                found = line.readSimilarNumbers(false);
            }
            if (found) {
                proposals = line.propose();
            }
        }
        return new Outcome(decide(proposals), line.touchedInvoices.toArray(), line.touchedDebtors.toArray(),
                line.amountHitsRead ? amount : -1);
    }

    private int[] wordCounts() {
        int[] counts = wordCounts.get();
        if (counts == null) {
            counts = new int[book.debtorCount()];
            wordCounts.set(counts);
        }
        return counts;
    }

    /** Whether an end-to-end id is one of our own direct debits' ({@code ENC-…}). */
    public static boolean isOurEndToEndId(String endToEndId) {
        return endToEndId != null && endToEndId.trim().length() > OUR_END_TO_END_PREFIX.length()
                && endToEndId.trim().regionMatches(true, 0, OUR_END_TO_END_PREFIX, 0, OUR_END_TO_END_PREFIX.length());
    }

    /** Records an applied proposal in the book, so that nothing is settled twice. */
    public void apply(Proposal proposal) {
        book.apply(proposal);
    }

    /**
     * Whether no proposal is beyond doubt yet: none has an invoice number as written (or a checked
     * reference) that fits the amount from a payer who is not another debtor. Until then the engine
     * keeps looking: for numbers one typo away (a typo can land on another existing number) and
     * for what the payer may have paid without naming it.
     */
    private static boolean leavesDoubt(List<Proposal> proposals) {
        for (Proposal p : proposals) {
            if (p.confidence() >= 97 && p.reasons().stream().noneMatch(r -> r.code() == Code.OTHER_PAYER)) {
                return false;
            }
        }
        return true;
    }

    private MatchResult decide(List<Proposal> proposals) {
        Map<String, Proposal> unique = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            unique.merge(p.signature(), p, (a, b) -> b.confidence() > a.confidence() ? b : a);
        }
        List<Proposal> ranked = new ArrayList<>(unique.values());
        ranked.sort(Comparator.comparingInt(Proposal::confidence).reversed()
                .thenComparingInt(p -> p.shares().isEmpty() ? Integer.MAX_VALUE : book.invoiceDue[p.shares().get(0).item()]));
        ranked.removeIf(p -> p.confidence() < MIN_CONFIDENCE);
        if (ranked.size() > MAX_CANDIDATES) {
            ranked = ranked.subList(0, MAX_CANDIDATES);
        }
        boolean automatic = !ranked.isEmpty()
                && ranked.get(0).confidence() >= threshold
                && !ranked.get(0).shares().isEmpty()
                && (ranked.size() == 1 || ranked.get(0).confidence() - ranked.get(1).confidence() >= MARGIN);
        return new MatchResult(ranked, automatic);
    }

    /** How an invoice was named, and the sentence that says so. */
    private record Named(Ref ref, Reason reason) {
    }

    /** Where a piece of text came from: it decides how far an invoice number found in it is trusted. */
    private enum Origin { OUR_END_TO_END, PAYER_END_TO_END, BROKEN_RF, TEXT }

    /** One to four neighbouring tokens of a text, joined: "FA 2024 0012" is one window. */
    private record Window(int text, int from, int to, String key, String digits, Origin origin, List<String> words) {

        /** The window as written, tokens separated by spaces (only built for a reason's text). */
        String shown() {
            return String.join(" ", words.subList(from, to + 1));
        }
    }

    private static final class PayerEvidence {
        boolean iban;
        double name;
    }

    /** One credit being matched. */
    private final class Line {
        final IncomingCredit credit;
        final long amount;
        final String currency;
        final Map<Integer, Named> named = new LinkedHashMap<>();
        final List<Window> windows = new ArrayList<>();
        /** Windows overlapping an invoice number found as written. */
        final Set<Window> overlapsNamed = new java.util.HashSet<>();
        final Map<Integer, PayerEvidence> payers = new LinkedHashMap<>();
        int[] ibanDebtors = new int[0];
        List<String> payerTokens = List.of();
        final Set<Integer> strongNames = new LinkedHashSet<>();
        private final List<Integer> amountHits = new ArrayList<>();
        private boolean amountHitsRead;
        int amountHitCount;
        /** The debtors whose open items this line read: its result holds while they do not change. */
        /** The invoices, and the debtors whose open items, this line read: its result holds while they do not change. */
        final IntList touchedInvoices = new IntList();
        final IntList touchedDebtors = new IntList();

        Line(IncomingCredit credit, long amount) {
            this.credit = credit;
            this.amount = amount;
            this.currency = credit.currency();
        }

        // ---- references

        void readReferences() {
            List<String> texts = new ArrayList<>();
            List<Origin> origins = new ArrayList<>();
            String e2e = credit.endToEndId();
            if (e2e != null && !e2e.isBlank() && !"NOTPROVIDED".equalsIgnoreCase(e2e.trim())) {
                String key = Text.key(e2e);
                boolean ours = isOurEndToEndId(e2e);
                if (ours) {
                    exact(Text.key(e2e.trim().substring(OUR_END_TO_END_PREFIX.length())), Ref.CHECKED, Code.END_TO_END_ID,
                            () -> "end-to-end id " + e2e + " of our direct debit names ");
                }
                exact(key, ours ? Ref.CHECKED : Ref.EXACT_TEXT, ours ? Code.END_TO_END_ID : Code.INVOICE_NUMBER,
                        () -> "end-to-end id " + e2e + " is ");
                texts.add(e2e);
                origins.add(ours ? Origin.OUR_END_TO_END : Origin.PAYER_END_TO_END);
            }
            for (String reference : credit.structuredReferences()) {
                Optional<CreditorReference> rf = CreditorReference.tryParse(reference);
                String key = Text.key(reference);
                if (rf.isPresent()) {
                    exact(rf.get().reference(), Ref.CHECKED, Code.RF_REFERENCE,
                            () -> "RF creditor reference " + rf.get().printed() + " (check digits valid) is ");
                } else if (key.length() > 4 && key.startsWith("RF") && Character.isDigit(key.charAt(2))
                        && Character.isDigit(key.charAt(3))) {
                    texts.add(key.substring(4));
                    origins.add(Origin.BROKEN_RF);
                } else {
                    texts.add(reference);
                    origins.add(Origin.TEXT);
                }
            }
            for (String text : credit.remittance()) {
                if (text == null) {
                    continue;
                }
                for (CreditorReference rf : RemittanceText.creditorReferences(text)) {
                    exact(rf.reference(), Ref.CHECKED, Code.RF_REFERENCE,
                            () -> "RF reference " + rf.printed() + " in the remittance text (check digits valid) is ");
                }
                texts.add(text);
                origins.add(Origin.TEXT);
            }
            readWindows(texts, origins);
        }

        private void readWindows(List<String> texts, List<Origin> origins) {
            List<List<String>> tokens = new ArrayList<>();
            for (int t = 0; t < texts.size(); t++) {
                List<String> words = Text.tokens(texts.get(t), MAX_TEXT);
                tokens.add(words);
                for (int i = 0; i < words.size(); i++) {
                    StringBuilder key = new StringBuilder();
                    for (int j = i; j < words.size() && j < i + MAX_WINDOW_TOKENS; j++) {
                        key.append(words.get(j));
                        if (key.length() > MAX_WINDOW) {
                            break;
                        }
                        if (key.length() >= 3 && Text.hasDigit(key)) {
                            String k = key.toString();
                            windows.add(new Window(t, i, j, k, Text.digits(k), origins.get(t), words));
                        }
                    }
                }
            }
            // exact first; a window holding an invoice number as written covers its tokens
            boolean[][] covered = new boolean[texts.size()][];
            for (int t = 0; t < texts.size(); t++) {
                covered[t] = new boolean[tokens.get(t).size()];
            }
            for (Window w : windows) {
                if (exactWindow(w) || book.noteByKey.containsKey(w.key())) {
                    for (int i = w.from(); i <= w.to(); i++) {
                        covered[w.text()][i] = true;
                    }
                }
            }
            for (Window w : windows) {
                boolean free = true;
                for (int i = w.from(); i <= w.to() && free; i++) {
                    free = !covered[w.text()][i];
                }
                if (free) {
                    noisyWindow(w);
                } else {
                    overlapsNamed.add(w);
                }
            }
        }

        private boolean exactWindow(Window w) {
            Ref ref;
            Code code;
            java.util.function.Supplier<String> how;
            switch (w.origin()) {
                case OUR_END_TO_END -> {
                    ref = Ref.CHECKED;
                    code = Code.END_TO_END_ID;
                    how = () -> "end-to-end id of our direct debit holds '" + w.shown() + "', which is ";
                }
                case PAYER_END_TO_END -> {
                    ref = Ref.EXACT_TEXT;
                    code = Code.INVOICE_NUMBER;
                    how = () -> "the payer's end-to-end id holds '" + w.shown() + "', which is ";
                }
                case BROKEN_RF -> {
                    ref = Ref.NOISY;
                    code = Code.INVOICE_NUMBER_NOISY;
                    how = () -> "a creditor reference with wrong check digits holds '" + w.shown() + "', like ";
                }
                default -> {
                    boolean weak = w.key().length() < 4 || Text.allDigits(w.key()) && w.key().length() < MIN_DIGITS;
                    ref = weak ? Ref.NOISY : Ref.EXACT_TEXT;
                    code = weak ? Code.INVOICE_NUMBER_NOISY : Code.INVOICE_NUMBER;
                    how = () -> "remittance names '" + w.shown() + "', which is ";
                }
            }
            return exact(w.key(), ref, code, how);
        }

        private void noisyWindow(Window w) {
            java.util.function.Supplier<String> how = () -> "remittance holds '" + w.shown() + "', read as ";
            String folded = Text.fold(w.key());
            int realDigits = w.digits().length();
            if (!folded.equals(w.key()) && realDigits >= 3 && folded.length() >= 6) {
                long hash = Text.hash(folded);
                book.byKey.forEach(hash, i -> {
                    String key = Text.key(book.invoiceNumbers[i]);
                    if (Text.fold(key).equals(folded) && !key.equals(w.key())) {
                        name(i, Ref.NOISY, Code.INVOICE_NUMBER_NOISY, how);
                    }
                    return true;
                });
                book.byFold.forEach(hash, i -> {
                    String key = Text.key(book.invoiceNumbers[i]);
                    if (Text.fold(key).equals(folded) && !key.equals(w.key())) {
                        name(i, Ref.NOISY, Code.INVOICE_NUMBER_NOISY, how);
                    }
                    return true;
                });
            }
            if (realDigits >= MIN_DIGITS) {
                long hash = Text.hash(w.digits());
                book.byDigits.forEach(hash, i -> {
                    if (Text.digits(Text.key(book.invoiceNumbers[i])).equals(w.digits())) {
                        name(i, Ref.NOISY, Code.INVOICE_NUMBER_NOISY, how);
                    }
                    return true;
                });
                if (!w.digits().equals(w.key())) {
                    book.byKey.forEach(hash, i -> {
                        if (Text.key(book.invoiceNumbers[i]).equals(w.digits())) {
                            name(i, Ref.NOISY, Code.INVOICE_NUMBER_NOISY, how);
                        }
                        return true;
                    });
                }
            }
        }

        /** Names every open invoice whose key is {@code key}; true if there was one. */
        private boolean exact(String key, Ref ref, Code code, java.util.function.Supplier<String> how) {
            if (key.isEmpty()) {
                return false;
            }
            boolean[] found = {false};
            book.byKey.forEach(Text.hash(key), i -> {
                if (Text.key(book.invoiceNumbers[i]).equals(key)) {
                    found[0] |= name(i, ref, code, how);
                }
                return true;
            });
            return found[0];
        }

        private boolean name(int invoice, Ref ref, Code code, java.util.function.Supplier<String> how) {
            touchedInvoices.add(invoice);
            if (book.invoiceOpen[invoice] <= 0 || !book.invoiceCurrencies[invoice].equals(currency)) {
                return false;
            }
            Named current = named.get(invoice);
            if (current == null || current.ref().ordinal() < ref.ordinal()) {
                named.put(invoice, new Named(ref, new Reason(code, how.get() + book.invoiceNumbers[invoice])));
            }
            return true;
        }

        /**
         * Looks among the invoices of the debtors already in view for numbers one typo away from a
         * window of the text; true if it found any.
         */
        boolean readSimilarNumbers(boolean amountFitsOnly) {
            List<Window> usable = new ArrayList<>();
            for (Window w : windows) {
                if (w.key().length() >= MIN_DIGITS && w.digits().length() >= 3) {
                    usable.add(w);
                }
            }
            if (usable.isEmpty()) {
                return false;
            }
            IntList invoices = new IntList();
            for (int d : debtorsInView(false)) {
                touchedDebtors.add(d);
                for (int k = book.debtorInvoiceStart[d]; k < book.debtorInvoiceStart[d + 1]; k++) {
                    invoices.add(book.debtorInvoices[k]);
                }
            }
            for (int i : amountHits()) {
                invoices.add(i);
            }
            boolean found = false;
            for (int n = 0; n < invoices.size(); n++) {
                int i = invoices.get(n);
                Named current = named.get(i);
                if (current != null && current.ref().ordinal() >= Ref.NOISY.ordinal()
                        || book.invoiceOpen[i] <= 0 || !book.invoiceCurrencies[i].equals(currency)
                        || amountFitsOnly && book.invoiceOpen[i] != amount) {
                    continue;
                }
                String key = Text.key(book.invoiceNumbers[i]);
                if (key.length() < MIN_DIGITS) {
                    continue;
                }
                String digits = Text.digits(key);
                for (Window w : usable) {
                    // text already read as one invoice's number is another's through a typo only if the
                    // amount says so
                    if (overlapsNamed.contains(w) && book.invoiceOpen[i] != amount) {
                        continue;
                    }
                    boolean similar = Math.abs(w.key().length() - key.length()) <= 1 && Text.withinOneEdit(w.key(), key)
                            || digits.length() >= MIN_DIGITS && w.digits().length() >= MIN_DIGITS
                            && Math.abs(w.digits().length() - digits.length()) <= 1
                            && Text.withinOneEdit(w.digits(), digits);
                    if (similar) {
                        found |= name(i, Ref.FUZZY, Code.INVOICE_NUMBER_SIMILAR,
                                () -> "remittance holds '" + w.shown() + "', one typo away from ");
                        break;
                    }
                }
            }
            return found;
        }

        /**
         * A named settlement whose amount fits and whose confidence leaves unnamed alternatives (at
         * most 94 less {@link Confidence#REFERENCE_ELSEWHERE_CONSISTENT}) far behind.
         */
        boolean hasConvincingNamed(List<Proposal> proposals) {
            for (Proposal p : proposals) {
                if (p.confidence() >= 94 && isNamed(p) && p.unallocated().signum() == 0 && !hasCode(p, Code.PARTIAL)) {
                    return true;
                }
            }
            return false;
        }

        // ---- payer

        void readPayerAccount() {
            int[] linked = book.debtorsOfIban(credit.payerIban());
            if (linked != null) {
                ibanDebtors = linked;
                for (int d : linked) {
                    payers.computeIfAbsent(d, k -> new PayerEvidence()).iban = true;
                }
            }
            payerTokens = Text.nameTokens(credit.payerName());
        }

        /** Some named invoice belongs to a debtor the payer's account and name do not point to. */
        boolean payerUnlikeNamedDebtors() {
            for (int i : named.keySet()) {
                if (payer(book.invoiceDebtor[i]) == Payer.NONE) {
                    return true;
                }
            }
            return false;
        }

        /** Finds the debtors whose name resembles the payer's (the best few). */
        void searchPayerName() {
            if (payerTokens.isEmpty()) {
                return;
            }
            List<double[]> similar = new ArrayList<>();
            for (int d : nameCandidates(payerTokens)) {
                double similarity = similarity(payerTokens, book.debtorNameTokens[d]);
                if (similarity >= NAME_WEAK) {
                    similar.add(new double[] {similarity, d});
                }
            }
            similar.sort((x, y) -> Double.compare(y[0], x[0]));
            for (int k = 0; k < similar.size() && k < MAX_NAME_MATCHES; k++) {
                int d = (int) similar.get(k)[1];
                payers.computeIfAbsent(d, x -> new PayerEvidence()).name = similar.get(k)[0];
                if (similar.get(k)[0] >= NAME_STRONG) {
                    strongNames.add(d);
                }
            }
        }

        /**
         * Debtors sharing words with the payer's name: with two words or more, those holding at
         * least two of them (found by merging the sorted word lists, so a common word costs
         * little); with one, those holding it, up to a bound.
         */
        private int[] nameCandidates(List<String> tokens) {
            List<int[]> postings = new ArrayList<>();
            for (String token : new LinkedHashSet<>(tokens)) {
                int[] posting = book.byNameToken.get(token);
                if (posting != null && posting.length <= MAX_NAME_POSTINGS) {
                    postings.add(posting);
                }
            }
            if (postings.isEmpty()) {
                return new int[0];
            }
            if (postings.size() == 1) {
                int[] only = postings.get(0);
                return only.length <= MAX_NAME_CANDIDATES ? only : java.util.Arrays.copyOf(only, MAX_NAME_CANDIDATES);
            }
            // count each debtor's words in a scratch array; the second word makes it a candidate
            int[] found = new int[MAX_NAME_CANDIDATES];
            int n = 0;
            int[] seen = wordCounts();
            for (int[] posting : postings) {
                for (int d : posting) {
                    if (++seen[d] == 2 && n < found.length) {
                        found[n++] = d;
                    }
                }
            }
            for (int[] posting : postings) {
                for (int d : posting) {
                    seen[d] = 0;
                }
            }
            return java.util.Arrays.copyOf(found, n);
        }

        Payer payer(int debtor) {
            PayerEvidence e = payers.get(debtor);
            if (e == null) {
                // compared on demand: the name is only searched among all debtors when needed
                double similarity = similarity(payerTokens, book.debtorNameTokens[debtor]);
                if (similarity < NAME_WEAK) {
                    return Payer.NONE;
                }
                e = new PayerEvidence();
                e.name = similarity;
                payers.put(debtor, e);
            }
            if (e.iban) {
                return Payer.IBAN;
            }
            return e.name >= NAME_STRONG ? Payer.NAME_STRONG : e.name >= NAME_WEAK ? Payer.NAME_WEAK : Payer.NONE;
        }

        /**
         * The payer's account is linked to other debtors and not to this one, or its name is another
         * debtor's and nothing like this one's.
         */
        String otherPayer(int debtor) {
            Payer own = payer(debtor);
            if (own == Payer.IBAN) {
                return null;
            }
            for (int d : ibanDebtors) {
                if (d != debtor) {
                    return book.debtorNames[d]; // an account says more than a name
                }
            }
            if (own == Payer.NONE) {
                for (int d : strongNames) {
                    if (d != debtor) {
                        return book.debtorNames[d];
                    }
                }
            }
            return null;
        }

        // ---- amount

        /** The open invoices whose open amount is the payment's (read on first use). */
        List<Integer> amountHits() {
            if (!amountHitsRead) {
                readAmountHits();
                amountHitsRead = true;
            }
            return amountHits;
        }

        private void readAmountHits() {
            Set<Integer> seen = new LinkedHashSet<>();
            book.byOpenAmount.forEach(amount, i -> {
                touchedInvoices.add(i);
                if (book.invoiceOpen[i] == amount && book.invoiceCurrencies[i].equals(currency) && seen.add(i)) {
                    amountHitCount++;
                }
                return amountHitCount <= MAX_AMOUNT_HITS;
            });
            if (amountHitCount <= MAX_AMOUNT_HITS) {
                amountHits.addAll(seen);
            }
        }

        boolean distinctAmount() {
            amountHits();
            return amountHitCount <= DISTINCT_AMOUNT;
        }

        // ---- proposals

        Set<Integer> debtorsInView(boolean withAmountHits) {
            Set<Integer> debtors = new LinkedHashSet<>();
            for (int i : named.keySet()) {
                debtors.add(book.invoiceDebtor[i]);
            }
            debtors.addAll(payers.keySet());
            if (withAmountHits && distinctAmount()) {
                for (int i : amountHits()) {
                    debtors.add(book.invoiceDebtor[i]);
                }
            }
            return debtors;
        }

        List<Proposal> propose() {
            List<Proposal> proposals = new ArrayList<>();
            Set<Integer> namedDebtors = new LinkedHashSet<>();
            for (int i : named.keySet()) {
                namedDebtors.add(book.invoiceDebtor[i]);
            }
            for (int d : namedDebtors) {
                proposeNamedFor(d, proposals);
            }
            // a named settlement that leaves no doubt makes the unnamed alternatives moot: they would
            // lose REFERENCE_ELSEWHERE_CONSISTENT points and stay far below it
            if (leavesDoubt(proposals) && !hasConvincingNamed(proposals)) {
                for (int d : debtorsInView(true)) {
                    proposeUnnamedFor(d, proposals);
                }
            }
            if (namedDebtors.size() >= 2) {
                proposeGroup(proposals);
            }
            boolean consistent = false;
            for (Proposal p : proposals) {
                consistent |= isNamed(p) && p.unallocated().signum() == 0 && !hasCode(p, Code.PARTIAL);
            }
            List<Proposal> adjusted = new ArrayList<>(proposals.size());
            for (Proposal p : proposals) {
                if (!named.isEmpty() && !isNamed(p)) {
                    // the payer chose which invoices to name: an unnamed one is a poor second, the
                    // more so when the named ones fit the amount or belong to the same debtor
                    p = consistent || namedDebtors.contains(p.debtor())
                            ? p.withConfidence(p.confidence() - Confidence.REFERENCE_ELSEWHERE_CONSISTENT,
                            new Reason(Code.REFERENCE_ELSEWHERE, "the payment names other invoices"
                            + (consistent ? ", whose amount fits" : " of this debtor")))
                            : p.withConfidence(p.confidence() - Confidence.REFERENCE_ELSEWHERE,
                            new Reason(Code.REFERENCE_ELSEWHERE, "the payment names other invoices"));
                }
                if (namedDebtors.size() >= 2 && p.debtor() >= 0 && isNamed(p)
                        && (hasCode(p, Code.PARTIAL) || hasCode(p, Code.OVERPAYMENT))) {
                    p = p.withConfidence(p.confidence() - Confidence.SEVERAL_DEBTORS,
                            new Reason(Code.SEVERAL_DEBTORS, "the payment also names invoices of other debtors"));
                }
                adjusted.add(p);
            }
            return adjusted;
        }

        private boolean isNamed(Proposal p) {
            for (Proposal.Share s : p.shares()) {
                if (named.containsKey(s.item())) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasCode(Proposal p, Code code) {
            for (Reason r : p.reasons()) {
                if (r.code() == code) {
                    return true;
                }
            }
            return false;
        }

        private int[] openInvoices(int debtor) {
            touchedDebtors.add(debtor);
            int from = book.debtorInvoiceStart[debtor];
            int to = book.debtorInvoiceStart[debtor + 1];
            int[] open = new int[to - from];
            int n = 0;
            for (int k = from; k < to; k++) {
                int i = book.debtorInvoices[k];
                if (book.invoiceOpen[i] > 0 && book.invoiceCurrencies[i].equals(currency)) {
                    open[n++] = i;
                }
            }
            return n == open.length ? open : java.util.Arrays.copyOf(open, n);
        }

        private int[] openNotes(int debtor) {
            touchedDebtors.add(debtor);
            int from = book.debtorNoteStart[debtor];
            int to = book.debtorNoteStart[debtor + 1];
            int[] notes = new int[to - from];
            int n = 0;
            for (int k = from; k < to; k++) {
                int c = book.debtorNotes[k];
                if (book.noteOpen[c] > 0 && book.noteCurrencies[c].equals(currency)) {
                    notes[n++] = c;
                }
            }
            return java.util.Arrays.copyOf(notes, n);
        }

        private void proposeNamedFor(int debtor, List<Proposal> out) {
            // only the named invoices are read here; the debtor's others only if the amount exceeds them
            List<Integer> namedHere = new ArrayList<>();
            for (int i : named.keySet()) {
                if (book.invoiceDebtor[i] == debtor) {
                    touchedInvoices.add(i);
                    if (book.invoiceOpen[i] > 0) {
                        namedHere.add(i);
                    }
                }
            }
            if (namedHere.isEmpty()) {
                return;
            }
            namedHere.sort(Comparator.comparingInt(i -> i)); // book order: oldest due first
            Payer payer = payer(debtor);
            // a number seen through a typo is a weaker reading: propose with and without it
            List<Integer> strong = new ArrayList<>();
            List<Integer> similar = new ArrayList<>();
            for (int i : namedHere) {
                (named.get(i).ref() == Ref.FUZZY ? similar : strong).add(i);
            }
            if (!strong.isEmpty()) {
                proposeNamed(debtor, strong, payer, out);
            }
            if (!similar.isEmpty()) {
                proposeNamed(debtor, namedHere, payer, out);
                for (int i : similar) {
                    if (book.invoiceOpen[i] == amount && namedHere.size() > 1) {
                        proposeNamed(debtor, List.of(i), payer, out);
                    }
                }
            }
        }

        private void proposeUnnamedFor(int debtor, List<Proposal> out) {
            int[] open = openInvoices(debtor);
            if (open.length == 0) {
                return;
            }
            Payer payer = payer(debtor);
            if (payer != Payer.NONE) {
                proposeForPayer(debtor, open, payer, out);
            } else if (distinctAmount()) {
                List<Integer> singles = new ArrayList<>();
                for (int i : open) {
                    if (book.invoiceOpen[i] == amount && !named.containsKey(i)) {
                        singles.add(i);
                    }
                }
                if (!singles.isEmpty()) {
                    Draft d = new Draft(debtor, Ref.NONE, Fit.EXACT, payer, Shape.SINGLE);
                    d.pay(singles.get(0), amount);
                    d.reason(Code.AMOUNT_ONLY, "only the amount " + money(amount) + " links the payment to "
                            + book.invoiceNumbers[singles.get(0)]);
                    d.ambiguous = singles.size() > 1;
                    out.add(d.build());
                }
            }
        }

        private void proposeNamed(int debtor, List<Integer> namedHere, Payer payer, List<Proposal> out) {
            Ref ref = Ref.CHECKED;
            long sum = 0;
            for (int i : namedHere) {
                sum += book.invoiceOpen[i];
                Ref r = named.get(i).ref();
                if (r.ordinal() < ref.ordinal()) {
                    ref = r;
                }
            }
            if (sum == amount) {
                Draft d = namedDraft(debtor, namedHere, ref, Fit.EXACT, payer, Shape.NAMED);
                namedHere.forEach(i -> d.pay(i, book.invoiceOpen[i]));
                d.reason(Code.AMOUNT_EXACT, "the amount " + money(amount) + " is exactly what is open on " + numbers(namedHere));
                out.add(d.build());
                return;
            }
            if (amount < sum) {
                if (namedHere.size() >= 2) {
                    long[] values = values(namedHere);
                    SubsetSum.Result subsets = SubsetSum.find(values, amount, 1, namedHere.size() - 1, 2);
                    if (!subsets.solutions().isEmpty()) {
                        List<Integer> chosen = pick(namedHere, subsets.solutions().get(0));
                        Ref r = weakest(chosen);
                        Draft d = namedDraft(debtor, chosen, r, Fit.EXACT, payer, Shape.SUBSET_OF_NAMED);
                        chosen.forEach(i -> d.pay(i, book.invoiceOpen[i]));
                        d.reason(Code.AMOUNT_COMBINATION, "the amount is what is open on " + numbers(chosen)
                                + ", " + chosen.size() + " of the " + namedHere.size() + " invoices named");
                        d.ambiguous = !subsets.unique();
                        out.add(d.build());
                        return;
                    }
                }
                if (proposeCreditNote(debtor, namedHere, sum, ref, payer, Shape.NAMED, out)
                        || proposeDiscount(debtor, namedHere, sum, ref, payer, Shape.NAMED, out)) {
                    return;
                }
                Draft d = namedDraft(debtor, namedHere, ref, Fit.PARTIAL, payer, Shape.NAMED);
                fillOldestFirst(d, namedHere, amount);
                d.reason(Code.PARTIAL, "partial payment: " + money(amount) + " of the " + money(sum) + " open on "
                        + numbers(namedHere));
                d.spread = namedHere.size() > 1;
                out.add(d.build());
                return;
            }
            // more than the named invoices: others of the debtor, or a credit on the account
            long extra = amount - sum;
            List<Integer> others = new ArrayList<>();
            for (int i : openInvoices(debtor)) {
                if (!named.containsKey(i)) {
                    others.add(i);
                }
            }
            if (!others.isEmpty()) {
                SubsetSum.Result subsets = SubsetSum.find(values(others), extra, 1, 4, 2);
                if (!subsets.solutions().isEmpty()) {
                    List<Integer> added = pick(others, subsets.solutions().get(0));
                    Draft d = namedDraft(debtor, namedHere, ref, Fit.EXACT, payer, Shape.NAMED_AND_OTHERS);
                    namedHere.forEach(i -> d.pay(i, book.invoiceOpen[i]));
                    added.forEach(i -> d.pay(i, book.invoiceOpen[i]));
                    d.reason(Code.AMOUNT_COMBINATION, "the amount also settles " + numbers(added) + ", not named");
                    d.ambiguous = !subsets.unique();
                    out.add(d.build());
                    return;
                }
            }
            Draft d = namedDraft(debtor, namedHere, ref, Fit.OVERPAID, payer, Shape.NAMED);
            namedHere.forEach(i -> d.pay(i, book.invoiceOpen[i]));
            d.reason(Code.OVERPAYMENT, "overpayment: " + money(extra) + " more than the " + money(sum) + " open on "
                    + numbers(namedHere) + " stays as a credit on the debtor's account");
            out.add(d.build());
        }

        private void proposeForPayer(int debtor, int[] open, Payer payer, List<Proposal> out) {
            List<Integer> singles = new ArrayList<>();
            long total = 0;
            for (int i : open) {
                total += book.invoiceOpen[i];
                if (book.invoiceOpen[i] == amount) {
                    singles.add(i);
                }
            }
            if (!singles.isEmpty()) {
                Draft d = new Draft(debtor, Ref.NONE, Fit.EXACT, payer, Shape.SINGLE);
                d.pay(singles.get(0), amount);
                d.reason(Code.AMOUNT_EXACT, "the amount " + money(amount) + " is what is open on "
                        + book.invoiceNumbers[singles.get(0)]
                        + (singles.size() > 1 ? " (and on " + (singles.size() - 1) + " other invoice(s) of the debtor)" : ""));
                d.ambiguous = singles.size() > 1;
                out.add(d.build());
                return;
            }
            List<Integer> all = new ArrayList<>();
            for (int i : open) {
                all.add(i);
            }
            if (open.length >= 2 && total == amount) {
                Draft d = new Draft(debtor, Ref.NONE, Fit.EXACT, payer, Shape.BALANCE);
                all.forEach(i -> d.pay(i, book.invoiceOpen[i]));
                d.reason(Code.AMOUNT_BALANCE, "the amount is the debtor's whole open balance (" + open.length + " invoices)");
                out.add(d.build());
                return;
            }
            if (open.length >= 2 && amount < total) {
                SubsetSum.Result subsets = SubsetSum.find(values(all), amount, 2, 5, 2);
                if (!subsets.solutions().isEmpty()) {
                    List<Integer> chosen = pick(all, subsets.solutions().get(0));
                    Draft d = new Draft(debtor, Ref.NONE, Fit.EXACT, payer, Shape.COMBINATION);
                    chosen.forEach(i -> d.pay(i, book.invoiceOpen[i]));
                    d.reason(Code.AMOUNT_COMBINATION, "the amount is what is open on " + numbers(chosen));
                    d.ambiguous = !subsets.unique();
                    out.add(d.build());
                    return;
                }
            }
            for (int i : open) {
                if (proposeCreditNote(debtor, List.of(i), book.invoiceOpen[i], Ref.NONE, payer, Shape.SINGLE, out)) {
                    return;
                }
            }
            if (open.length >= 2 && proposeCreditNote(debtor, all, total, Ref.NONE, payer, Shape.BALANCE, out)) {
                return;
            }
            for (int i : open) {
                if (proposeDiscount(debtor, List.of(i), book.invoiceOpen[i], Ref.NONE, payer, Shape.SINGLE, out)) {
                    return;
                }
            }
            Draft d = new Draft(debtor, Ref.NONE, amount < total ? Fit.PARTIAL : Fit.OVERPAID, payer, Shape.FILL);
            fillOldestFirst(d, all, amount);
            if (amount < total) {
                d.reason(Code.PARTIAL, "no combination of the debtor's invoices makes " + money(amount)
                        + ": oldest first, the last one partly");
            } else {
                d.reason(Code.OVERPAYMENT, "more than the debtor's whole open balance of " + money(total)
                        + ": the rest stays as a credit on the account");
            }
            out.add(d.build());
        }

        private boolean proposeCreditNote(int debtor, List<Integer> invoices, long sum, Ref ref, Payer payer, Shape shape,
                                          List<Proposal> out) {
            int[] notes = openNotes(debtor);
            if (notes.length == 0) {
                return false;
            }
            List<int[]> fits = new ArrayList<>();
            long allNotes = 0;
            for (int c : notes) {
                allNotes += book.noteOpen[c];
                if (sum - book.noteOpen[c] == amount) {
                    fits.add(new int[] {c});
                }
            }
            if (fits.isEmpty() && notes.length >= 2 && sum - allNotes == amount) {
                fits.add(notes);
            }
            if (fits.isEmpty()) {
                return false;
            }
            int[] used = fits.get(0);
            Draft d = shape == Shape.NAMED ? namedDraft(debtor, invoices, ref, Fit.CREDIT_NOTE, payer, shape)
                    : new Draft(debtor, ref, Fit.CREDIT_NOTE, payer, shape);
            // credit notes go to the oldest invoices first; the payment settles the rest
            Map<Integer, Long> left = new LinkedHashMap<>();
            invoices.forEach(i -> left.put(i, book.invoiceOpen[i]));
            List<String> noteNumbers = new ArrayList<>();
            for (int c : used) {
                long remaining = book.noteOpen[c];
                noteNumbers.add(book.noteNumbers[c]);
                for (int i : invoices) {
                    long take = Math.min(remaining, left.get(i));
                    if (take > 0) {
                        d.useNote(c, i, take);
                        left.put(i, left.get(i) - take);
                        remaining -= take;
                    }
                }
            }
            left.forEach((i, rest) -> {
                if (rest > 0) {
                    d.pay(i, rest);
                }
            });
            d.reason(Code.CREDIT_NOTE, "the amount is the " + money(sum) + " open on " + numbers(invoices)
                    + " less credit note " + String.join(", ", noteNumbers) + ", which is applied too");
            d.ambiguous = fits.size() > 1;
            out.add(d.build());
            return true;
        }

        private boolean proposeDiscount(int debtor, List<Integer> invoices, long sum, Ref ref, Payer payer, Shape shape,
                                        List<Proposal> out) {
            if (amount >= sum || amount < sum * (1000 - DISCOUNTS_PER_MILLE[DISCOUNTS_PER_MILLE.length - 1]) / 1000 - 1) {
                return false;
            }
            for (int perMille : DISCOUNTS_PER_MILLE) {
                long expected = discounted(sum, perMille);
                if (Math.abs(expected - amount) <= 1) {
                    Draft d = shape == Shape.NAMED ? namedDraft(debtor, invoices, ref, Fit.DISCOUNT, payer, shape)
                            : new Draft(debtor, ref, Fit.DISCOUNT, payer, shape);
                    long left = amount;
                    for (int k = 0; k < invoices.size(); k++) {
                        int i = invoices.get(k);
                        long share = k == invoices.size() - 1 ? left : discounted(book.invoiceOpen[i], perMille);
                        share = Math.min(share, Math.min(left, book.invoiceOpen[i]));
                        d.pay(i, share);
                        left -= share;
                    }
                    d.reason(Code.DISCOUNT, "the amount is the " + money(sum) + " open on " + numbers(invoices) + " less a "
                            + BigDecimal.valueOf(perMille, 1).stripTrailingZeros().toPlainString()
                            + " % early-payment discount; the " + money(sum - amount)
                            + " left open needs a credit note");
                    out.add(d.build());
                    return true;
                }
            }
            return false;
        }

        private void proposeGroup(List<Proposal> out) {
            long sum = 0;
            Ref ref = Ref.CHECKED;
            List<Integer> all = new ArrayList<>(named.keySet());
            for (int i : all) {
                sum += book.invoiceOpen[i];
                if (named.get(i).ref().ordinal() < ref.ordinal()) {
                    ref = named.get(i).ref();
                }
            }
            if (sum != amount) {
                return;
            }
            Draft d = new Draft(-1, ref, Fit.EXACT, Payer.NONE, Shape.GROUP);
            for (int i : all) {
                d.reasons.add(named.get(i).reason());
                d.pay(i, book.invoiceOpen[i]);
            }
            d.reason(Code.SEVERAL_DEBTORS, "the amount is exactly what is open on " + numbers(all)
                    + ", invoices of several debtors");
            out.add(d.build());
        }

        private Draft namedDraft(int debtor, List<Integer> invoices, Ref ref, Fit fit, Payer payer, Shape shape) {
            Draft d = new Draft(debtor, ref, fit, payer, shape);
            for (int i : invoices) {
                d.reasons.add(named.get(i).reason());
            }
            return d;
        }

        private Ref weakest(List<Integer> invoices) {
            Ref ref = Ref.CHECKED;
            for (int i : invoices) {
                if (named.get(i).ref().ordinal() < ref.ordinal()) {
                    ref = named.get(i).ref();
                }
            }
            return ref;
        }

        private void fillOldestFirst(Draft d, List<Integer> invoices, long money) {
            long left = money;
            List<Integer> byDue = new ArrayList<>(invoices);
            byDue.sort(Comparator.comparingInt(i -> book.invoiceDue[i]));
            for (int i : byDue) {
                long share = Math.min(left, book.invoiceOpen[i]);
                if (share > 0) {
                    d.pay(i, share);
                    left -= share;
                }
            }
        }

        /** A proposal being put together. */
        private final class Draft {
            final int debtor;
            final Ref ref;
            final Fit fit;
            final Payer payer;
            final Shape shape;
            final List<Proposal.Share> shares = new ArrayList<>();
            final List<Proposal.CreditNoteUse> notes = new ArrayList<>();
            final List<Reason> reasons = new ArrayList<>();
            long paid;
            boolean ambiguous;
            boolean spread;

            Draft(int debtor, Ref ref, Fit fit, Payer payer, Shape shape) {
                this.debtor = debtor;
                this.ref = ref;
                this.fit = fit;
                this.payer = payer;
                this.shape = shape;
            }

            void pay(int invoice, long cents) {
                shares.add(new Proposal.Share(book.invoiceIds[invoice], book.invoiceNumbers[invoice],
                        BigDecimal.valueOf(cents, 2), invoice));
                paid += cents;
            }

            void useNote(int note, int invoice, long cents) {
                notes.add(new Proposal.CreditNoteUse(book.noteIds[note], book.noteNumbers[note], book.invoiceIds[invoice],
                        book.invoiceNumbers[invoice], BigDecimal.valueOf(cents, 2), note, invoice));
            }

            void reason(Code code, String text) {
                reasons.add(new Reason(code, text));
            }

            Proposal build() {
                // whether the amount is rare only matters for a typo'd number from an unknown payer
                boolean distinct = ref != Ref.FUZZY || fit != Fit.EXACT || payer != Payer.NONE || distinctAmount();
                int confidence = Confidence.of(ref, fit, payer, shape, distinct);
                if (debtor >= 0) {
                    PayerEvidence e = payers.get(debtor);
                    if (e != null && e.iban) {
                        reasons.add(new Reason(Code.PAYER_IBAN, "the payer's account " + credit.payerIban()
                                + " is linked to " + book.debtorNames[debtor]));
                    }
                    if (e != null && e.name >= NAME_WEAK) {
                        reasons.add(new Reason(Code.PAYER_NAME, "the payer '" + credit.payerName() + "' resembles "
                                + book.debtorNames[debtor] + " (" + Math.round(e.name * 100) + " %)"));
                    }
                    String other = otherPayer(debtor);
                    if (other != null) {
                        // invoices the payer did not name, of a debtor it is not: the named one may be a typo
                        confidence -= (ref == Ref.CHECKED || ref == Ref.EXACT_TEXT) && shape != Shape.NAMED_AND_OTHERS
                                ? Confidence.OTHER_PAYER_NAMED : Confidence.OTHER_PAYER;
                        reasons.add(new Reason(Code.OTHER_PAYER, "the payer looks like " + other
                                + ": paying for another company of its group?"));
                    }
                }
                if (spread) {
                    confidence = Math.min(confidence, Confidence.SPREAD_PARTIAL_CAP);
                }
                if (ambiguous) {
                    confidence -= Confidence.AMBIGUOUS;
                    reasons.add(new Reason(Code.AMBIGUOUS, "other open items of the debtor fit as well"));
                }
                return new Proposal(debtor, debtor < 0 ? null : book.debtorIds[debtor],
                        debtor < 0 ? null : book.debtorNames[debtor], shares, notes,
                        BigDecimal.valueOf(amount - paid, 2), Math.max(0, Math.min(99, confidence)), reasons);
            }
        }

        private long[] values(List<Integer> invoices) {
            long[] values = new long[invoices.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = book.invoiceOpen[invoices.get(k)];
            }
            return values;
        }

        private List<Integer> pick(List<Integer> invoices, int[] positions) {
            List<Integer> chosen = new ArrayList<>(positions.length);
            for (int p : positions) {
                chosen.add(invoices.get(p));
            }
            return chosen;
        }

        private String numbers(List<Integer> invoices) {
            List<String> numbers = new ArrayList<>(invoices.size());
            for (int i : invoices) {
                numbers.add(book.invoiceNumbers[i]);
            }
            return String.join(", ", numbers);
        }
    }

    /** A growable list of ints, without boxing. */
    static final class IntList {
        private int[] items = new int[16];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int get(int index) {
            return items[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }
    }

    /** Token similarity of two names (Dice over words; a truncated word or a one-letter typo still counts). */
    static double similarity(List<String> a, String[] b) {
        if (a.isEmpty() || b.length == 0) {
            return 0;
        }
        boolean[] used = new boolean[b.length];
        int matches = 0;
        for (String x : a) {
            for (int j = 0; j < b.length; j++) {
                if (!used[j] && sameWord(x, b[j])) {
                    used[j] = true;
                    matches++;
                    break;
                }
            }
        }
        return 2.0 * matches / (a.size() + b.length);
    }

    private static boolean sameWord(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        int shorter = Math.min(x.length(), y.length());
        return shorter >= 4 && (x.startsWith(y) || y.startsWith(x))
                || shorter >= 5 && Text.withinOneEdit(x, y);
    }

    /** {@code cents} less {@code perMille} per mille, rounded half up. */
    static long discounted(long cents, int perMille) {
        return (cents * (1000 - perMille) + 500) / 1000;
    }

    static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
