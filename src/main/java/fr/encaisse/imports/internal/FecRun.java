package fr.encaisse.imports.internal;

import fr.encaisse.imports.FecImportReport;
import fr.encaisse.imports.ImportProgress;
import fr.encaisse.imports.internal.FecEntryRules.CustomerLine;
import fr.encaisse.imports.internal.FecEntryRules.Derived;
import fr.encaisse.imports.internal.FecEntryRules.Kind;
import fr.encaisse.imports.internal.FecEntryRules.Piece;
import fr.encaisse.imports.internal.FecEntryRules.Skip;
import fr.encaisse.imports.internal.FecItems.Row;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.LedgerBatch;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One FEC import, in three passes over what it reads, all in the caller's transaction:
 * <ol>
 *   <li>read the file line by line; each balanced entry on customer accounts becomes invoices,
 *       credit notes and payments, written by chunks of about a thousand customer lines (a chunk
 *       looks its lines up in {@code fec_item}: a line seen by an earlier import is not written
 *       again, only its new lettering is noted);</li>
 *   <li>settle the lettering groups this import touched: within a group (one debtor, one
 *       EcritureLet), payments and credit notes are allocated to invoices, the invoice the
 *       payment names first, then the oldest;</li>
 *   <li>allocate the new unlettered payments and credit notes that name an unlettered invoice of
 *       the same debtor in their PieceRef or label (a partial payment the books have not
 *       lettered yet).</li>
 * </ol>
 * After the first problem nothing more is written (the transaction will roll back) but the file
 * is read to the end, so that the report lists every problem.
 */
final class FecRun {

    static final int CHUNK_LINES = 1000;
    static final int GROUP_PAGE = 500;
    static final int MAX_ERRORS = 200;
    static final int MAX_WARNINGS = 100;
    static final int SKIP_EXAMPLES = 10;
    static final long PROGRESS_EVERY = 50_000;

    private final LedgerBatch batch;
    private final FecItems items;
    private final UUID tenant;
    private final UUID importId;
    private final int termDays;
    private final FecEntryRules rules;
    private final ImportProgress progress;
    private final long totalBytes;

    final List<FieldProblem> errors = new ArrayList<>();
    long errorCount;
    final List<String> warnings = new ArrayList<>();
    long warningCount;
    private final Map<String, long[]> skipCounts = new LinkedHashMap<>();
    private final Map<String, List<Long>> skipLines = new HashMap<>();
    private final Map<String, UUID> debtorIds = new HashMap<>();
    private final List<Derived> chunk = new ArrayList<>();
    private int chunkLines;
    private final List<UUID> allocations = new ArrayList<>();
    private boolean writing = true;
    /** Whether the tenant has payments that did not come from the books, which a line of the books may stand for. */
    private boolean paymentsByHand;
    private FecEntries entries;
    private FecReader reader;

    long lines;
    long customerLines;
    long unchanged;
    long newlyLettered;
    int debtorsCreated;
    int invoicesCreated;
    int creditNotesCreated;
    int paymentsCreated;
    int allocationsMade;
    int matchedInvoices;
    int matchedPayments;
    int invoicesSettled;

    FecRun(LedgerBatch batch, FecItems items, UUID tenant, UUID importId, int termDays, String customerPrefix,
           ImportProgress progress, long totalBytes) {
        this.batch = batch;
        this.items = items;
        this.tenant = tenant;
        this.importId = importId;
        this.termDays = termDays;
        this.rules = new FecEntryRules(customerPrefix);
        this.progress = progress;
        this.totalBytes = totalBytes;
    }

    boolean ok() {
        return errorCount == 0;
    }

    String encoding() {
        return reader == null ? null : reader.encoding();
    }

    String separator() {
        return reader == null ? null : reader.separatorName();
    }

    String amountColumns() {
        return reader == null ? null : reader.amountColumns();
    }

    long entries() {
        return entries == null ? 0 : entries.entries();
    }

    List<FecImportReport.Skipped> skipped() {
        List<FecImportReport.Skipped> out = new ArrayList<>();
        skipCounts.forEach((reason, n) -> out.add(new FecImportReport.Skipped(reason, n[0], List.copyOf(skipLines.get(reason)))));
        return out;
    }

    void run(InputStream in) {
        try {
            read(in);
        } catch (java.io.UncheckedIOException e) {
            problem(new FieldProblem(reader == null ? null : (int) reader.lineNumber() + 1, null, null,
                    "the file could not be read: " + e.getCause().getMessage()));
        }
    }

    private void read(InputStream in) {
        paymentsByHand = batch.paymentCount() > items.paymentsFromBooks(tenant);
        reader = new FecReader(in, this::problem);
        if (!reader.readHeader()) {
            lines = reader.lineNumber();
            return;
        }
        entries = new FecEntries(this::entry, this::problem, reader.amountColumns().startsWith("Montant") ? "Montant" : "Debit");
        FecLine line;
        long next = PROGRESS_EVERY;
        while ((line = reader.next()) != null) {
            if (rules.isCustomer(line)) {
                customerLines++;
            }
            if (!entries.accept(line)) {
                break;
            }
            if (reader.lineNumber() >= next) {
                progress.progress("reading", reader.lineNumber(), reader.bytesRead(), totalBytes);
                next += PROGRESS_EVERY;
            }
        }
        entries.end();
        lines = reader.lineNumber();
        progress.progress("reading", lines, reader.bytesRead(), totalBytes);
        if (!writing) {
            return;
        }
        writeChunk();
        settleLettering();
        if (writing) {
            settleByReference();
        }
    }

    // ---- pass 1: entries to ledger rows

    private void entry(List<FecLine> lines) {
        if (!writing) {
            return;
        }
        boolean any = false;
        for (FecLine l : lines) {
            if (rules.isCustomer(l)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        Derived derived = rules.derive(lines);
        chunk.add(derived);
        chunkLines += derived.skipped().size() + derived.pieces().stream().mapToInt(p -> p.lines().size()).sum();
        if (chunkLines >= CHUNK_LINES) {
            writeChunk();
        }
    }

    private void writeChunk() {
        if (chunk.isEmpty() || !writing) {
            chunk.clear();
            chunkLines = 0;
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Derived d : chunk) {
            d.skipped().forEach(s -> keys.add(s.line().key()));
            d.pieces().forEach(p -> p.lines().forEach(l -> keys.add(l.key())));
        }
        Map<String, Row> stored = items.find(tenant, keys);
        List<Row> relettered = new ArrayList<>();
        List<Skip> newSkips = new ArrayList<>();
        List<Piece> newPieces = new ArrayList<>();
        for (Derived d : chunk) {
            for (Skip s : d.skipped()) {
                skip(s.reason(), s.line().line().line());
                Row existing = stored.get(s.line().key());
                if (existing != null) {
                    relettered(existing, s.line(), relettered, false);
                } else if (!s.reason().equals(FecEntryRules.SKIP_TOO_LONG)) {
                    newSkips.add(s);
                }
            }
            for (Piece p : d.pieces()) {
                List<CustomerLine> fresh = new ArrayList<>();
                for (CustomerLine l : p.lines()) {
                    Row existing = stored.get(l.key());
                    if (existing == null) {
                        fresh.add(l);
                    } else {
                        relettered(existing, l, relettered, true);
                    }
                }
                if (fresh.size() == p.lines().size()) {
                    newPieces.add(p);
                } else if (!fresh.isEmpty()) {
                    // An entry that gained lines since the last import: only the new ones are new.
                    BigDecimal amount = fresh.stream().map(CustomerLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    newPieces.add(new Piece(p.kind(), p.debtorRef(), p.debtorName(), p.number(), p.fallbackNumber(), p.date(),
                            amount, BigDecimal.ZERO, p.reference(), p.method(), p.opening(), fresh));
                }
            }
        }
        chunk.clear();
        chunkLines = 0;
        resolveDebtors(newPieces, newSkips);
        if (!writing) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (Skip s : newSkips) {
            rows.add(row(s.line(), FecItems.SKIPPED, null, s.reason()));
        }
        issueItems(newPieces.stream().filter(p -> p.kind() != Kind.PAYMENT).toList(), rows);
        recordPayments(newPieces.stream().filter(p -> p.kind() == Kind.PAYMENT).toList(), rows);
        if (!writing) {
            return;
        }
        batch.flush();
        items.insert(tenant, importId, rows);
        items.relettered(tenant, importId, relettered);
    }

    /** A line imported before: unchanged, or lettered (or unlettered) since. */
    private void relettered(Row existing, CustomerLine line, List<Row> relettered, boolean counts) {
        FecLine l = line.line();
        String letterKey = Row.letterKey(l.ecritureLet());
        if (Objects.equals(letterKey, existing.letterKey()) && Objects.equals(l.dateLet(), existing.letteredOn())) {
            if (counts) {
                unchanged++;
            }
            return;
        }
        if (letterKey != null && !letterKey.equals(existing.letterKey())) {
            newlyLettered++;
        } else if (letterKey == null) {
            warn("line " + l.line() + " was lettered '" + existing.letter() + "' and no longer is: "
                    + "what that lettering settled in Encaisse stays settled");
        }
        // A skipped line's lettering matters too: its group may be complete now.
        relettered.add(withLetter(existing, l));
    }

    private static Row withLetter(Row r, FecLine l) {
        return new Row(r.key(), r.debtorId(), r.kind(), r.ledgerId(), r.amount(), r.entryDate(), r.pieceRef(), r.refHint(),
                r.compteNum(), r.compAuxNum(), l.ecritureLet(), l.dateLet(), r.skipReason(), l.line(), null);
    }

    private void resolveDebtors(List<Piece> pieces, List<Skip> skips) {
        Map<String, String> wanted = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (Piece p : pieces) {
            if (!debtorIds.containsKey(p.debtorRef())) {
                wanted.putIfAbsent(p.debtorRef(), p.debtorName());
                firstLine.putIfAbsent(p.debtorRef(), p.lines().get(0).line().line());
            }
        }
        for (Skip s : skips) {
            if (!debtorIds.containsKey(s.line().debtorRef())) {
                wanted.putIfAbsent(s.line().debtorRef(), s.line().debtorName());
                firstLine.putIfAbsent(s.line().debtorRef(), s.line().line().line());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        debtorIds.putAll(batch.debtorIds(wanted.keySet()));
        for (Map.Entry<String, String> w : wanted.entrySet()) {
            if (debtorIds.containsKey(w.getKey())) {
                continue;
            }
            try {
                String name = w.getValue().isBlank() ? w.getKey() : w.getValue();
                debtorIds.put(w.getKey(), batch.createDebtor(new DebtorDraft(w.getKey(), name, null, null, null,
                        DebtorKind.B2B, null, null, null, "fr", List.of())));
                debtorsCreated++;
            } catch (InvalidInputException e) {
                long line = firstLine.get(w.getKey());
                e.problems().forEach(p -> problem(new FieldProblem((int) line, "CompAuxNum", w.getKey(), "debtor " + p.field() + " " + p.message())));
            }
        }
    }

    private void issueItems(List<Piece> pieces, List<Row> rows) {
        if (pieces.isEmpty()) {
            return;
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (Piece p : pieces) {
            numbers.add(p.number());
            if (p.fallbackNumber() != null) {
                numbers.add(p.fallbackNumber());
            }
        }
        Map<String, LedgerBatch.Item> existing = batch.items(numbers);
        Set<String> usedHere = new HashSet<>();
        for (Piece p : pieces) {
            UUID debtorId = debtorIds.get(p.debtorRef());
            boolean creditNote = p.kind() == Kind.CREDIT_NOTE;
            long line = p.lines().get(0).line().line();
            String number = p.number();
            LedgerBatch.Item same = existing.get(number);
            if (same != null && !usedHere.contains(number) && same.debtorId().equals(debtorId) && same.creditNote() == creditNote) {
                // Already in Encaisse (typed by hand, or imported from CSV): the books' line stands for it.
                matchedInvoices++;
                if (same.amountInclTax().compareTo(p.amount()) != 0) {
                    warn((creditNote ? "credit note " : "invoice ") + number + " (line " + line + ") is "
                            + p.amount().toPlainString() + " in the books and " + same.amountInclTax().toPlainString()
                            + " in Encaisse: Encaisse's is kept");
                }
                usedHere.add(number);
                p.lines().forEach(l -> rows.add(row(l, p.kind().name(), same.id(), null)));
                continue;
            }
            if (same != null || usedHere.contains(number)) {
                String fallback = p.fallbackNumber();
                if (fallback == null || existing.containsKey(fallback) || usedHere.contains(fallback)) {
                    String reason = "PieceRef already used by another invoice or credit note";
                    p.lines().forEach(l -> {
                        skip(reason, l.line().line());
                        rows.add(row(l, FecItems.SKIPPED, null, reason));
                    });
                    continue;
                }
                warn("PieceRef " + number + " (line " + line + ") is already used by another invoice or credit note: "
                        + "imported as " + fallback);
                number = fallback;
            }
            usedHere.add(number);
            try {
                UUID id;
                if (creditNote) {
                    id = batch.issueCreditNote(new CreditNoteDraft(debtorId, number, p.date(), "EUR",
                            p.amount().subtract(p.vat()), p.vat(), p.amount()));
                    creditNotesCreated++;
                } else {
                    id = batch.issueInvoice(new InvoiceDraft(debtorId, number, p.date(), p.date().plusDays(termDays),
                            "due " + termDays + " days after the invoice date (the FEC has no due date)", "EUR",
                            p.amount().subtract(p.vat()), p.vat(), p.amount(), null));
                    invoicesCreated++;
                }
                p.lines().forEach(l -> rows.add(row(l, p.kind().name(), id, null)));
            } catch (InvalidInputException e) {
                e.problems().forEach(x -> problem(new FieldProblem((int) line, column(x.field()), x.value(), x.message())));
            }
        }
    }

    private void recordPayments(List<Piece> pieces, List<Row> rows) {
        if (pieces.isEmpty()) {
            return;
        }
        Set<UUID> debtors = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        pieces.forEach(p -> {
            debtors.add(debtorIds.get(p.debtorRef()));
            days.add(p.date());
        });
        // A payment already in Encaisse (recorded by hand, or exported to the books and back) is not recorded twice.
        Set<String> wanted = new HashSet<>();
        pieces.forEach(p -> wanted.add(paymentKey(debtorIds.get(p.debtorRef()), p.date(), p.amount())));
        List<Payment> candidates = !paymentsByHand ? List.of() : batch.payments(debtors, days).stream()
                .filter(c -> wanted.contains(paymentKey(c.debtorId(), c.receivedOn(), c.amount()))).toList();
        Set<UUID> taken = candidates.isEmpty() ? Set.of() : items.fromBooks(tenant, candidates.stream().map(Payment::id).toList());
        Map<String, List<UUID>> free = new HashMap<>();
        for (Payment c : candidates) {
            if (!taken.contains(c.id())) {
                free.computeIfAbsent(paymentKey(c.debtorId(), c.receivedOn(), c.amount()), k -> new ArrayList<>()).add(c.id());
            }
        }
        for (Piece p : pieces) {
            UUID debtorId = debtorIds.get(p.debtorRef());
            List<UUID> same = free.get(paymentKey(debtorId, p.date(), p.amount()));
            if (same != null && !same.isEmpty()) {
                UUID id = same.remove(0);
                matchedPayments++;
                p.lines().forEach(l -> rows.add(row(l, Kind.PAYMENT.name(), id, null)));
                continue;
            }
            try {
                UUID id = batch.recordPayment(new PaymentDraft(debtorId, p.date(), p.amount(), "EUR", p.method(),
                        p.reference().isBlank() ? null : p.reference(), List.of()));
                paymentsCreated++;
                p.lines().forEach(l -> rows.add(row(l, Kind.PAYMENT.name(), id, null)));
            } catch (InvalidInputException e) {
                long line = p.lines().get(0).line().line();
                e.problems().forEach(x -> problem(new FieldProblem((int) line, column(x.field()), x.value(), x.message())));
            }
        }
    }

    private static String paymentKey(UUID debtorId, LocalDate day, BigDecimal amount) {
        return debtorId + "|" + day + "|" + amount.stripTrailingZeros().toPlainString();
    }

    private Row row(CustomerLine l, String kind, UUID ledgerId, String skipReason) {
        FecLine f = l.line();
        String hint = f.pieceRef() == null ? f.ecritureLib() : f.ecritureLib() == null ? f.pieceRef() : f.pieceRef() + " " + f.ecritureLib();
        return new Row(l.key(), debtorIds.get(l.debtorRef()), kind, ledgerId, f.net(), f.ecritureDate(), f.pieceRef(), hint,
                f.compteNum(), f.compAuxNum(), f.ecritureLet(), f.dateLet(), skipReason, f.line(), null);
    }

    // ---- pass 2: lettering

    /** A ledger row within a lettering group, and how much of it the group's lines stand for. */
    private static final class Member {
        final UUID id;
        final String kind;
        final Row first;
        BigDecimal cap = BigDecimal.ZERO;

        Member(Row r) {
            this.id = r.ledgerId();
            this.kind = r.kind();
            this.first = r;
        }
    }

    /** Debtors per page of pass 2: their lettered lines are read at once. */
    static final int DEBTOR_PAGE = 100;

    private void settleLettering() {
        List<UUID> debtors = items.touchedDebtors(tenant, importId);
        long groups = 0;
        for (int from = 0; from < debtors.size() && writing; from += DEBTOR_PAGE) {
            List<Row> rows = items.letteredRows(tenant, debtors.subList(from, Math.min(debtors.size(), from + DEBTOR_PAGE)));
            // Only the groups with a line this import added or re-lettered can have changed.
            Map<String, List<Row>> touched = new LinkedHashMap<>();
            Map<String, List<Row>> all = new LinkedHashMap<>();
            for (Row r : rows) {
                String group = r.debtorId() + "|" + r.letterKey();
                all.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
                if (importId.equals(r.touchedImport())) {
                    touched.put(group, all.get(group));
                }
            }
            Set<UUID> ids = new HashSet<>();
            touched.values().forEach(list -> list.forEach(r -> {
                if (r.ledgerId() != null) {
                    ids.add(r.ledgerId());
                }
            }));
            Map<UUID, BigDecimal> open = new HashMap<>(batch.open(ids));
            for (List<Row> group : touched.values()) {
                settle(group.get(0).letterKey(), group, open);
            }
            groups += touched.size();
            batch.flush();
            items.recordAllocations(tenant, importId, allocations);
            allocations.clear();
            progress.progress("lettering", groups, -1, -1);
        }
    }

    private void settle(String letter, List<Row> rows, Map<UUID, BigDecimal> open) {
        Map<UUID, Member> debits = new LinkedHashMap<>();
        Map<UUID, Member> credits = new LinkedHashMap<>();
        List<Row> skippedRows = new ArrayList<>();
        BigDecimal balance = BigDecimal.ZERO;
        for (Row r : rows) {
            balance = balance.add(r.amount());
            if (r.ledgerId() == null) {
                skippedRows.add(r);
                continue;
            }
            Map<UUID, Member> side = r.kind().equals(Kind.INVOICE.name()) ? debits : credits;
            Member member = side.computeIfAbsent(r.ledgerId(), x -> new Member(r));
            member.cap = member.cap.add(r.amount().abs());
        }
        for (Member credit : credits.values()) {
            BigDecimal available = min(open.getOrDefault(credit.id, BigDecimal.ZERO), credit.cap);
            List<Member> candidates = new ArrayList<>(debits.values());
            String names = credit.first.pieceRef();
            candidates.sort(Comparator.<Member>comparingInt(d -> d.first.pieceRef() != null && d.first.pieceRef().equals(names) ? 0 : 1)
                    .thenComparing(d -> d.first.entryDate()).thenComparingLong(d -> d.first.lineNo()));
            for (Member debit : candidates) {
                if (available.signum() <= 0) {
                    break;
                }
                BigDecimal take = min(available, min(open.getOrDefault(debit.id, BigDecimal.ZERO), debit.cap));
                if (take.signum() <= 0) {
                    continue;
                }
                allocate(credit, debit, take, open);
                available = available.subtract(take);
                credit.cap = credit.cap.subtract(take);
                debit.cap = debit.cap.subtract(take);
            }
        }
        if (balance.signum() == 0) {
            for (Member debit : debits.values()) {
                BigDecimal left = min(open.getOrDefault(debit.id, BigDecimal.ZERO), debit.cap);
                if (left.signum() > 0) {
                    String why = skippedRows.isEmpty()
                            ? "its payment or credit note was already allocated elsewhere in Encaisse"
                            : "with lines the ledger does not hold (line " + skippedRows.get(0).lineNo() + ": " + skippedRows.get(0).skipReason() + ")";
                    warn("invoice " + debit.first.pieceRef() + " (line " + debit.first.lineNo() + ") is lettered '"
                            + letter + "' in the books " + why + ": " + left.toPlainString() + " stays open in Encaisse");
                }
            }
        }
    }

    private void allocate(Member credit, Member debit, BigDecimal take, Map<UUID, BigDecimal> open) {
        UUID allocation;
        if (credit.kind.equals(Kind.PAYMENT.name())) {
            allocation = batch.allocatePayment(credit.id, debit.id, take, credit.first.entryDate());
        } else {
            LocalDate on = credit.first.letteredOn();
            if (on == null) {
                on = credit.first.entryDate().isAfter(debit.first.entryDate()) ? credit.first.entryDate() : debit.first.entryDate();
            }
            allocation = batch.applyCreditNote(credit.id, debit.id, take, on);
        }
        allocations.add(allocation);
        allocationsMade++;
        open.put(credit.id, open.get(credit.id).subtract(take));
        BigDecimal left = open.get(debit.id).subtract(take);
        open.put(debit.id, left);
        if (left.signum() == 0) {
            invoicesSettled++;
        }
    }

    // ---- pass 3: unlettered payments that name their invoice

    private void settleByReference() {
        String after = null;
        while (writing) {
            List<Row> page = items.newUnletteredCredits(tenant, importId, after, GROUP_PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).key();
            Map<UUID, BigDecimal> open = new HashMap<>(batch.open(page.stream().map(Row::ledgerId).toList()));
            Set<String> tokens = new HashSet<>();
            page.forEach(r -> tokens.addAll(tokens(r)));
            Map<String, LedgerBatch.Item> invoices = new HashMap<>(batch.items(tokens));
            invoices.values().removeIf(LedgerBatch.Item::creditNote);
            Set<UUID> lettered = invoices.isEmpty() ? Set.of()
                    : items.lettered(tenant, invoices.values().stream().map(LedgerBatch.Item::id).toList());
            for (Row credit : page) {
                for (String token : tokens(credit)) {
                    LedgerBatch.Item invoice = invoices.get(token);
                    BigDecimal available = open.getOrDefault(credit.ledgerId(), BigDecimal.ZERO);
                    if (invoice == null || available.signum() <= 0 || !invoice.debtorId().equals(credit.debtorId())
                            || lettered.contains(invoice.id())) {
                        continue;
                    }
                    BigDecimal invoiceOpen = open.computeIfAbsent(invoice.id(), x -> invoice.openAmount());
                    BigDecimal take = min(available, invoiceOpen);
                    if (take.signum() <= 0) {
                        continue;
                    }
                    Member c = new Member(credit);
                    Member d = new Member(new Row(null, invoice.debtorId(), Kind.INVOICE.name(), invoice.id(), invoice.amountInclTax(),
                            credit.entryDate(), invoice.number(), null, null, null, null, null, null, 0, null));
                    allocate(c, d, take, open);
                }
            }
            batch.flush();
            items.recordAllocations(tenant, importId, allocations);
            allocations.clear();
        }
    }

    /** The invoice numbers a payment line may name: its PieceRef, and the words of its label. */
    static Set<String> tokens(Row r) {
        Set<String> out = new LinkedHashSet<>();
        if (r.pieceRef() != null) {
            out.add(r.pieceRef().trim());
        }
        if (r.refHint() != null) {
            for (String word : r.refHint().split("[\\s,;:()]+")) {
                String w = word.replaceAll("[.]+$", "");
                if (w.length() >= 2) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    // ---- problems, warnings, skips

    void problem(FieldProblem p) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(p);
        }
        if (writing) {
            writing = false;
            chunk.clear();
            if (entries != null) {
                entries.stopKeepingLines();
            }
        }
    }

    private void warn(String warning) {
        warningCount++;
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        }
    }

    private void skip(String reason, long line) {
        skipCounts.computeIfAbsent(reason, r -> new long[1])[0]++;
        List<Long> examples = skipLines.computeIfAbsent(reason, r -> new ArrayList<>());
        if (examples.size() < SKIP_EXAMPLES) {
            examples.add(line);
        }
    }

    /** A ledger field as the FEC column it came from. */
    private String column(String field) {
        if (field == null) {
            return null;
        }
        String amount = amountColumns() != null && amountColumns().startsWith("Montant") ? "Montant" : "Debit";
        return switch (field) {
            case "number" -> "PieceRef";
            case "issueDate", "dueDate" -> "PieceDate";
            case "receivedOn" -> "EcritureDate";
            case "amountInclTax", "amountExclTax", "vatAmount", "amount" -> amount;
            case "reference" -> "CompAuxNum";
            case "legalName" -> "CompAuxLib";
            default -> field;
        };
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
