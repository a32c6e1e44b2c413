package fr.encaisse.banking.internal.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory snapshot of one tenant's open items, indexed for matching: invoices by number
 * (as written, OCR-folded, digits only) and by open amount, debtors by name word and by the payer
 * accounts linked to them, and each debtor's open invoices (oldest due first) and credit notes.
 *
 * <p>Built once from a bulk read, then updated in place as payments are applied, so that two
 * credits of one statement never settle the same euro twice. Not thread-safe.
 */
public final class OpenItemBook {

    // debtors
    final UUID[] debtorIds;
    final String[] debtorNames;
    final String[][] debtorNameTokens;
    private final Map<UUID, Integer> debtorIndex;

    // invoices
    final UUID[] invoiceIds;
    final int[] invoiceDebtor;
    final String[] invoiceNumbers;
    final String[] invoiceCurrencies;
    final long[] invoiceOpen;
    final int[] invoiceDue;
    final int[] debtorInvoiceStart;
    final int[] debtorInvoices;
    private Map<UUID, Integer> invoiceIndex;

    // credit notes
    final UUID[] noteIds;
    final String[] noteNumbers;
    final String[] noteCurrencies;
    final long[] noteOpen;
    final Map<String, Integer> noteByKey;
    final int[] debtorNoteStart;
    final int[] debtorNotes;

    // indexes
    final LongIntMultiMap byKey;
    final LongIntMultiMap byFold;
    final LongIntMultiMap byDigits;
    final AmountIndex byOpenAmount;
    final Map<String, int[]> byNameToken;
    private final Map<String, int[]> byIban = new HashMap<>();

    private OpenItemBook(Builder b) {
        int debtors = b.debtorCount;
        debtorIds = Arrays.copyOf(b.debtorIds, debtors);
        debtorNames = Arrays.copyOf(b.debtorNames, debtors);
        debtorIndex = b.debtorIndex;
        int n = b.invoiceCount;
        invoiceIds = Arrays.copyOf(b.invoiceIds, n);
        invoiceDebtor = Arrays.copyOf(b.invoiceDebtor, n);
        invoiceNumbers = Arrays.copyOf(b.invoiceNumbers, n);
        invoiceCurrencies = Arrays.copyOf(b.invoiceCurrencies, n);
        invoiceOpen = Arrays.copyOf(b.invoiceOpen, n);
        invoiceDue = Arrays.copyOf(b.invoiceDue, n);
        int notes = b.noteCount;
        noteIds = Arrays.copyOf(b.noteIds, notes);
        noteNumbers = Arrays.copyOf(b.noteNumbers, notes);
        noteCurrencies = Arrays.copyOf(b.noteCurrencies, notes);
        noteOpen = Arrays.copyOf(b.noteOpen, notes);
        int[] noteDebtor = Arrays.copyOf(b.noteDebtor, notes);
        noteByKey = new HashMap<>();
        for (int c = 0; c < notes; c++) {
            noteByKey.put(Text.key(noteNumbers[c]), c);
        }

        // each debtor's invoices, oldest due date first
        debtorInvoiceStart = new int[debtors + 1];
        for (int i = 0; i < n; i++) {
            debtorInvoiceStart[invoiceDebtor[i] + 1]++;
        }
        for (int d = 0; d < debtors; d++) {
            debtorInvoiceStart[d + 1] += debtorInvoiceStart[d];
        }
        debtorInvoices = new int[n];
        int[] fill = Arrays.copyOf(debtorInvoiceStart, debtors);
        for (int i = 0; i < n; i++) {
            debtorInvoices[fill[invoiceDebtor[i]]++] = i;
        }
        for (int d = 0; d < debtors; d++) {
            sortByDue(debtorInvoiceStart[d], debtorInvoiceStart[d + 1]);
        }
        debtorNoteStart = new int[debtors + 1];
        for (int i = 0; i < notes; i++) {
            debtorNoteStart[noteDebtor[i] + 1]++;
        }
        for (int d = 0; d < debtors; d++) {
            debtorNoteStart[d + 1] += debtorNoteStart[d];
        }
        debtorNotes = new int[notes];
        int[] noteFill = Arrays.copyOf(debtorNoteStart, debtors);
        for (int i = 0; i < notes; i++) {
            debtorNotes[noteFill[noteDebtor[i]]++] = i;
        }

        // references: the key always; the folded key and the digits only where they differ from it
        byKey = new LongIntMultiMap(n);
        byFold = new LongIntMultiMap(Math.max(16, n / 8));
        byDigits = new LongIntMultiMap(n);
        for (int i = 0; i < n; i++) {
            String key = Text.key(invoiceNumbers[i]);
            if (key.isEmpty()) {
                continue;
            }
            byKey.put(Text.hash(key), i);
            String folded = Text.fold(key);
            if (!folded.equals(key)) {
                byFold.put(Text.hash(folded), i);
            }
            String digits = Text.digits(key);
            if (digits.length() >= MatchingEngine.MIN_DIGITS && !digits.equals(key)) {
                byDigits.put(Text.hash(digits), i);
            }
        }
        byOpenAmount = new AmountIndex(invoiceOpen);

        // names: each distinctive word → the debtors whose name holds it
        debtorNameTokens = new String[debtors][];
        Map<String, int[]> counts = new HashMap<>();
        Map<String, String> interned = new HashMap<>();
        for (int d = 0; d < debtors; d++) {
            List<String> tokens = Text.nameTokens(debtorNames[d]);
            String[] kept = new String[tokens.size()];
            for (int t = 0; t < kept.length; t++) {
                kept[t] = interned.computeIfAbsent(tokens.get(t), k -> k);
                counts.computeIfAbsent(kept[t], k -> new int[1])[0]++;
            }
            debtorNameTokens[d] = kept;
        }
        byNameToken = new HashMap<>(counts.size() * 2);
        Map<String, int[]> position = new HashMap<>(counts.size() * 2);
        counts.forEach((token, count) -> {
            byNameToken.put(token, new int[count[0]]);
            position.put(token, new int[1]);
        });
        for (int d = 0; d < debtors; d++) {
            String previous = null;
            for (String token : debtorNameTokens[d]) {
                if (token.equals(previous)) {
                    continue;
                }
                byNameToken.get(token)[position.get(token)[0]++] = d;
                previous = token;
            }
        }
        byNameToken.replaceAll((token, list) -> {
            int used = position.get(token)[0];
            return used == list.length ? list : Arrays.copyOf(list, used);
        });

        for (Map.Entry<String, java.util.Set<UUID>> link : b.ibanLinks.entrySet()) {
            for (UUID debtor : link.getValue()) {
                linkIban(link.getKey(), debtor);
            }
        }
    }

    private void sortByDue(int from, int to) {
        // insertion sort: a debtor has a handful of open invoices
        for (int i = from + 1; i < to; i++) {
            int item = debtorInvoices[i];
            int j = i - 1;
            while (j >= from && (invoiceDue[debtorInvoices[j]] > invoiceDue[item]
                    || invoiceDue[debtorInvoices[j]] == invoiceDue[item]
                    && invoiceNumbers[debtorInvoices[j]].compareTo(invoiceNumbers[item]) > 0)) {
                debtorInvoices[j + 1] = debtorInvoices[j];
                j--;
            }
            debtorInvoices[j + 1] = item;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int debtorCount() {
        return debtorIds.length;
    }

    public int invoiceCount() {
        return invoiceIds.length;
    }

    /** What is still open on an invoice, or null when the book does not hold it. */
    public BigDecimal openAmount(UUID invoiceId) {
        Integer item = invoiceIndex().get(invoiceId);
        return item == null ? null : BigDecimal.valueOf(invoiceOpen[item], 2);
    }

    /** Links a payer account to a debtor: later credits from it point to the debtor. */
    public void linkIban(String iban, UUID debtorId) {
        Integer debtor = debtorIndex.get(debtorId);
        String normalized = normalizeIban(iban);
        if (debtor == null || normalized == null) {
            return;
        }
        int[] linked = byIban.get(normalized);
        if (linked == null) {
            byIban.put(normalized, new int[] {debtor});
        } else if (Arrays.stream(linked).noneMatch(d -> d == debtor)) {
            int[] more = Arrays.copyOf(linked, linked.length + 1);
            more[linked.length] = debtor;
            byIban.put(normalized, more);
        }
    }

    int[] debtorsOfIban(String iban) {
        String normalized = normalizeIban(iban);
        return normalized == null ? null : byIban.get(normalized);
    }

    /** Records a settlement in the snapshot (open amounts go down), so that it is not proposed again. */
    public void apply(Proposal proposal) {
        for (Proposal.CreditNoteUse use : proposal.creditNotes()) {
            noteOpen[use.creditNoteItem()] -= cents(use.amount());
            reduce(use.invoiceItem(), cents(use.amount()));
        }
        for (Proposal.Share share : proposal.shares()) {
            reduce(share.item(), cents(share.amount()));
        }
    }

    private void reduce(int invoice, long cents) {
        long open = invoiceOpen[invoice] - cents;
        if (open < 0) {
            throw new IllegalStateException("invoice " + invoiceNumbers[invoice] + " would be settled twice");
        }
        invoiceOpen[invoice] = open;
        if (open > 0) {
            byOpenAmount.add(open, invoice); // the old entry goes stale; lookups check the current amount
        }
    }

    /** An estimate of the heap the indexes and arrays take, for the benchmark's report. */
    public long indexBytes() {
        return byKey.bytes() + byFold.bytes() + byDigits.bytes() + byOpenAmount.bytes();
    }

    private Map<UUID, Integer> invoiceIndex() {
        if (invoiceIndex == null) {
            invoiceIndex = new HashMap<>(invoiceIds.length * 2);
            for (int i = 0; i < invoiceIds.length; i++) {
                invoiceIndex.put(invoiceIds[i], i);
            }
        }
        return invoiceIndex;
    }

    static String normalizeIban(String iban) {
        if (iban == null) {
            return null;
        }
        String normalized = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        return normalized.isEmpty() ? null : normalized;
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Collects debtors, open invoices, open credit notes and payer accounts, then indexes them. */
    public static final class Builder {
        private UUID[] debtorIds = new UUID[1024];
        private String[] debtorNames = new String[1024];
        private int debtorCount;
        private final Map<UUID, Integer> debtorIndex = new HashMap<>();

        private UUID[] invoiceIds = new UUID[1024];
        private int[] invoiceDebtor = new int[1024];
        private String[] invoiceNumbers = new String[1024];
        private String[] invoiceCurrencies = new String[1024];
        private long[] invoiceOpen = new long[1024];
        private int[] invoiceDue = new int[1024];
        private int invoiceCount;

        private UUID[] noteIds = new UUID[64];
        private int[] noteDebtor = new int[64];
        private String[] noteNumbers = new String[64];
        private String[] noteCurrencies = new String[64];
        private long[] noteOpen = new long[64];
        private int noteCount;

        private final Map<String, String> currencies = new HashMap<>();
        private final Map<String, java.util.Set<UUID>> ibanLinks = new HashMap<>();

        private Builder() {
        }

        public Builder debtor(UUID id, String name) {
            if (debtorIndex.containsKey(id)) {
                return this;
            }
            if (debtorCount == debtorIds.length) {
                debtorIds = Arrays.copyOf(debtorIds, debtorCount * 2);
                debtorNames = Arrays.copyOf(debtorNames, debtorCount * 2);
            }
            debtorIds[debtorCount] = id;
            debtorNames[debtorCount] = name == null ? "" : name;
            debtorIndex.put(id, debtorCount++);
            return this;
        }

        /** An open invoice of a debtor given before; invoices with nothing open are ignored. */
        public Builder invoice(UUID id, UUID debtorId, String number, String currency, BigDecimal open, LocalDate due) {
            Integer debtor = debtorIndex.get(debtorId);
            if (debtor == null) {
                throw new IllegalArgumentException("unknown debtor " + debtorId + " for invoice " + number);
            }
            if (open.signum() <= 0) {
                return this;
            }
            if (invoiceCount == invoiceIds.length) {
                int size = invoiceCount * 2;
                invoiceIds = Arrays.copyOf(invoiceIds, size);
                invoiceDebtor = Arrays.copyOf(invoiceDebtor, size);
                invoiceNumbers = Arrays.copyOf(invoiceNumbers, size);
                invoiceCurrencies = Arrays.copyOf(invoiceCurrencies, size);
                invoiceOpen = Arrays.copyOf(invoiceOpen, size);
                invoiceDue = Arrays.copyOf(invoiceDue, size);
            }
            int i = invoiceCount++;
            invoiceIds[i] = id;
            invoiceDebtor[i] = debtor;
            invoiceNumbers[i] = number;
            invoiceCurrencies[i] = currencies.computeIfAbsent(currency, c -> c);
            invoiceOpen[i] = cents(open);
            invoiceDue[i] = due == null ? 0 : (int) due.toEpochDay();
            return this;
        }

        public Builder creditNote(UUID id, UUID debtorId, String number, String currency, BigDecimal open) {
            Integer debtor = debtorIndex.get(debtorId);
            if (debtor == null || open.signum() <= 0) {
                return this;
            }
            if (noteCount == noteIds.length) {
                int size = noteCount * 2;
                noteIds = Arrays.copyOf(noteIds, size);
                noteDebtor = Arrays.copyOf(noteDebtor, size);
                noteNumbers = Arrays.copyOf(noteNumbers, size);
                noteCurrencies = Arrays.copyOf(noteCurrencies, size);
                noteOpen = Arrays.copyOf(noteOpen, size);
            }
            int i = noteCount++;
            noteIds[i] = id;
            noteDebtor[i] = debtor;
            noteNumbers[i] = number;
            noteCurrencies[i] = currencies.computeIfAbsent(currency, c -> c);
            noteOpen[i] = cents(open);
            return this;
        }

        public Builder payerAccount(String iban, UUID debtorId) {
            ibanLinks.computeIfAbsent(iban, k -> new java.util.LinkedHashSet<>()).add(debtorId);
            return this;
        }

        public OpenItemBook build() {
            return new OpenItemBook(this);
        }
    }
}
