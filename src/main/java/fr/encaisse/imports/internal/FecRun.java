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
import fr.encaisse.ledger.PaymentMethod;
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
 * One FEC import, in two passes, all in the caller's transaction:
 * <ol>
 *   <li>read the file line by line; each balanced entry's lines on customer accounts are
 *       recorded in {@code fec_item} by chunks of about a thousand, with what they mean (the
 *       invoice, credit note or payment they make, under an id chosen now) — or, for a line an
 *       earlier import recorded, only its new lettering. Debtors are created as they appear.</li>
 *   <li>debtor by debtor (a hundred at a time), create the new ledger rows and settle them:
 *       within each lettering group this import touched (one debtor, one EcritureLet), payments
 *       and credit notes are allocated to invoices, the invoice the payment names first, then the
 *       oldest; then new unlettered payments and credit notes that name an unlettered invoice of
 *       the same debtor in their PieceRef or label (a partial payment the books have not lettered
 *       yet) are allocated to it. New rows are allocated before they are inserted, so they go
 *       in with their final open amount and need no update.</li>
 * </ol>
 * After the first problem nothing more is written (the transaction will roll back) but the file
 * is read to the end, so that the report lists every problem.
 */
final class FecRun {

    static final int CHUNK_LINES = 1000;
    /** Debtors per page of pass 2: their new and lettered lines are read at once. */
    static final int DEBTOR_PAGE = 100;
    static final int MAX_ERRORS = 200;
    static final int MAX_WARNINGS = 100;
    static final int SKIP_EXAMPLES = 10;
    static final long PROGRESS_EVERY = 50_000;
    /** Database statistics are refreshed when the rows written reach this, then four times as many, and so on. */
    static final long FIRST_STATISTICS = 2_000;
    static final String SKIP_NUMBER_USED = "PieceRef already used by another invoice or credit note";

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
    private long rowsWritten;
    private long nextStatistics = FIRST_STATISTICS;
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
        recordChunk();
        settleDebtors();
    }

    // ---- pass 1: the books' customer lines, and what they mean

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
            recordChunk();
        }
    }

    private void recordChunk() {
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
            rows.add(row(s.line(), FecItems.SKIPPED, null, s.reason(), null));
        }
        for (Piece p : newPieces) {
            UUID id = UUID.randomUUID();
            FecItems.Piece piece = new FecItems.Piece(p.number(), p.fallbackNumber(), p.date(), p.amount(), p.vat(),
                    p.reference(), p.method() == null ? null : p.method().name());
            p.lines().forEach(l -> rows.add(row(l, p.kind().name(), id, null, piece)));
        }
        batch.flush();
        items.insert(tenant, importId, rows);
        items.relettered(tenant, importId, relettered);
        wrote(rows.size() + relettered.size());
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
        relettered.add(new Row(existing.key(), existing.debtorId(), existing.kind(), existing.ledgerId(), existing.amount(),
                existing.entryDate(), existing.pieceRef(), existing.refHint(), existing.compteNum(), existing.compAuxNum(),
                l.ecritureLet(), l.dateLet(), existing.skipReason(), l.line(), existing.firstImport(), null, null));
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

    private Row row(CustomerLine l, String kind, UUID ledgerId, String skipReason, FecItems.Piece piece) {
        FecLine f = l.line();
        String hint = f.pieceRef() == null ? f.ecritureLib() : f.ecritureLib() == null ? f.pieceRef() : f.pieceRef() + " " + f.ecritureLib();
        return new Row(l.key(), debtorIds.get(l.debtorRef()), kind, ledgerId, f.net(), f.ecritureDate(), f.pieceRef(), hint,
                f.compteNum(), f.compAuxNum(), f.ecritureLet(), f.dateLet(), skipReason, f.line(), importId, importId, piece);
    }

    private void wrote(long rows) {
        rowsWritten += rows;
        if (rowsWritten >= nextStatistics) {
            refreshStatistics();
            while (nextStatistics <= rowsWritten) {
                nextStatistics *= 4;
            }
        }
    }

    private void refreshStatistics() {
        batch.refreshStatistics();
        items.refreshStatistics();
    }

    // ---- pass 2: ledger rows and settlements, debtor by debtor

    /** A page's new piece: the lines (rows) of the books it stands for. */
    private record NewPiece(UUID id, String kind, UUID debtorId, FecItems.Piece piece, List<Row> rows) {
    }

    private void settleDebtors() {
        if (rowsWritten >= FIRST_STATISTICS) {
            refreshStatistics();
        }
        List<UUID> debtors = items.touchedDebtors(tenant, importId);
        int[] done = {0};
        items.forEachPage(tenant, debtors, importId, DEBTOR_PAGE, (page, rows) -> {
            if (writing) {
                settlePage(page, rows);
            }
            done[0] += page.size();
            progress.progress("lettering", done[0], -1, -1);
        });
    }

    private void settlePage(List<UUID> debtors, List<Row> rows) {
        Map<UUID, NewPiece> pieces = new LinkedHashMap<>();
        for (Row r : rows) {
            if (importId.equals(r.firstImport()) && r.ledgerId() != null && r.piece() != null) {
                pieces.computeIfAbsent(r.ledgerId(), id -> new NewPiece(id, r.kind(), r.debtorId(), r.piece(), new ArrayList<>()))
                        .rows().add(r);
            }
        }
        List<Row> unletteredCredits = rows.stream().filter(r -> importId.equals(r.firstImport()) && r.letterKey() == null
                && r.ledgerId() != null && (r.kind().equals(Kind.PAYMENT.name()) || r.kind().equals(Kind.CREDIT_NOTE.name()))).toList();

        // Every lookup before anything of this page is queued: reads flush the batch, and the new rows
        // should stay queued until they are settled.
        Set<String> numbers = new HashSet<>();
        for (NewPiece p : pieces.values()) {
            if (!p.kind().equals(Kind.PAYMENT.name())) {
                numbers.add(p.piece().number());
                if (p.piece().fallback() != null) {
                    numbers.add(p.piece().fallback());
                }
            }
        }
        unletteredCredits.forEach(r -> numbers.addAll(tokens(r)));
        Map<String, LedgerBatch.Item> existing = numbers.isEmpty() ? Map.of() : batch.items(numbers);
        Map<String, List<UUID>> typedPayments = typedPayments(pieces.values());

        Map<String, Row> relinked = new HashMap<>();
        Map<String, UUID> newInvoices = new HashMap<>();
        Set<String> usedHere = new HashSet<>();
        for (NewPiece p : pieces.values()) {
            if (p.kind().equals(Kind.PAYMENT.name())) {
                recordPayment(p, typedPayments, relinked);
            } else {
                issueItem(p, existing, usedHere, relinked, newInvoices);
            }
        }
        if (!writing) {
            return;
        }
        List<Row> current = rows.stream().map(r -> relinked.getOrDefault(r.key(), r)).toList();

        // Lettering groups this import touched.
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        Set<String> touched = new HashSet<>();
        for (Row r : current) {
            if (r.letterKey() != null) {
                String group = r.debtorId() + "|" + r.letterKey();
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
                if (importId.equals(r.touchedImport())) {
                    touched.add(group);
                }
            }
        }
        Set<UUID> ids = new HashSet<>();
        groups.forEach((g, list) -> {
            if (touched.contains(g)) {
                list.forEach(r -> {
                    if (r.ledgerId() != null) {
                        ids.add(r.ledgerId());
                    }
                });
            }
        });
        List<Row> credits = unletteredCredits.stream().map(r -> relinked.getOrDefault(r.key(), r))
                .filter(r -> r.ledgerId() != null).toList();
        credits.forEach(r -> ids.add(r.ledgerId()));
        existing.values().forEach(i -> ids.add(i.id()));
        ids.addAll(newInvoices.values());
        Map<UUID, BigDecimal> open = new HashMap<>(batch.open(ids));
        for (String g : groups.keySet()) {
            if (touched.contains(g)) {
                List<Row> group = groups.get(g);
                settle(group.get(0).letterKey(), group, open);
            }
        }
        settleByReference(credits, current, existing, newInvoices, open);
        batch.flush();
        items.recordAllocations(tenant, importId, allocations);
        items.relink(tenant, List.copyOf(relinked.values()));
        wrote(pieces.size() + allocations.size());
        allocations.clear();
    }

    /** Payments typed in Encaisse (not from the books) that a payment of the page may stand for, by debtor, day and amount. */
    private Map<String, List<UUID>> typedPayments(java.util.Collection<NewPiece> pieces) {
        if (!paymentsByHand) {
            return Map.of();
        }
        Set<UUID> debtors = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        for (NewPiece p : pieces) {
            if (p.kind().equals(Kind.PAYMENT.name())) {
                debtors.add(p.debtorId());
                days.add(p.piece().date());
                wanted.add(paymentKey(p.debtorId(), p.piece().date(), p.piece().amount()));
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<Payment> candidates = batch.payments(debtors, days).stream()
                .filter(c -> wanted.contains(paymentKey(c.debtorId(), c.receivedOn(), c.amount()))).toList();
        Set<UUID> taken = candidates.isEmpty() ? Set.of() : items.fromBooks(tenant, candidates.stream().map(Payment::id).toList());
        Map<String, List<UUID>> free = new HashMap<>();
        for (Payment c : candidates) {
            if (!taken.contains(c.id())) {
                free.computeIfAbsent(paymentKey(c.debtorId(), c.receivedOn(), c.amount()), k -> new ArrayList<>()).add(c.id());
            }
        }
        return free;
    }

    private void recordPayment(NewPiece p, Map<String, List<UUID>> typed, Map<String, Row> relinked) {
        List<UUID> same = typed.get(paymentKey(p.debtorId(), p.piece().date(), p.piece().amount()));
        if (same != null && !same.isEmpty()) {
            // Already in Encaisse (typed by hand, or sent to the books by the accounting export and back).
            UUID id = same.remove(0);
            matchedPayments++;
            p.rows().forEach(r -> relinkRow(relinked, r.linkedTo(r.kind(), id, null)));
            return;
        }
        try {
            String reference = p.piece().reference();
            batch.recordPayment(p.id(), new PaymentDraft(p.debtorId(), p.piece().date(), p.piece().amount(), "EUR",
                    PaymentMethod.valueOf(p.piece().method()), reference == null || reference.isBlank() ? null : reference, List.of()));
            paymentsCreated++;
        } catch (InvalidInputException e) {
            long line = p.rows().get(0).lineNo();
            e.problems().forEach(x -> problem(new FieldProblem((int) line, column(x.field()), x.value(), x.message())));
        }
    }

    private void issueItem(NewPiece p, Map<String, LedgerBatch.Item> existing, Set<String> usedHere, Map<String, Row> relinked,
                           Map<String, UUID> newInvoices) {
        boolean creditNote = p.kind().equals(Kind.CREDIT_NOTE.name());
        long line = p.rows().get(0).lineNo();
        String number = p.piece().number();
        LedgerBatch.Item same = existing.get(number);
        if (same != null && !usedHere.contains(number) && same.debtorId().equals(p.debtorId()) && same.creditNote() == creditNote) {
            // Already in Encaisse (typed by hand, or imported from CSV): the books' lines stand for it.
            matchedInvoices++;
            if (same.amountInclTax().compareTo(p.piece().amount()) != 0) {
                warn((creditNote ? "credit note " : "invoice ") + number + " (line " + line + ") is "
                        + p.piece().amount().toPlainString() + " in the books and " + same.amountInclTax().toPlainString()
                        + " in Encaisse: Encaisse's is kept");
            }
            usedHere.add(number);
            p.rows().forEach(r -> relinkRow(relinked, r.linkedTo(r.kind(), same.id(), null)));
            return;
        }
        if (same != null || usedHere.contains(number)) {
            String fallback = p.piece().fallback();
            if (fallback == null || existing.containsKey(fallback) || usedHere.contains(fallback)) {
                p.rows().forEach(r -> {
                    skip(SKIP_NUMBER_USED, r.lineNo());
                    relinkRow(relinked, r.linkedTo(FecItems.SKIPPED, null, SKIP_NUMBER_USED));
                });
                return;
            }
            warn("PieceRef " + number + " (line " + line + ") is already used by another invoice or credit note: "
                    + "imported as " + fallback);
            number = fallback;
        }
        usedHere.add(number);
        BigDecimal amount = p.piece().amount();
        BigDecimal vat = p.piece().vat() == null ? BigDecimal.ZERO : p.piece().vat();
        LocalDate date = p.piece().date();
        try {
            if (creditNote) {
                batch.issueCreditNote(p.id(), new CreditNoteDraft(p.debtorId(), number, date, "EUR", amount.subtract(vat), vat, amount));
                creditNotesCreated++;
            } else {
                batch.issueInvoice(p.id(), new InvoiceDraft(p.debtorId(), number, date, date.plusDays(termDays),
                        "due " + termDays + " days after the invoice date (the FEC has no due date)", "EUR",
                        amount.subtract(vat), vat, amount, null));
                invoicesCreated++;
                newInvoices.put(number, p.id());
            }
        } catch (InvalidInputException e) {
            e.problems().forEach(x -> problem(new FieldProblem((int) line, column(x.field()), x.value(), x.message())));
        }
    }

    private static void relinkRow(Map<String, Row> relinked, Row r) {
        relinked.put(r.key(), r);
    }

    private static String paymentKey(UUID debtorId, LocalDate day, BigDecimal amount) {
        return debtorId + "|" + day + "|" + amount.stripTrailingZeros().toPlainString();
    }

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
                allocate(credit.id, credit.kind, credit.first, debit.id, debit.first.entryDate(), take, open);
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

    private void allocate(UUID creditId, String creditKind, Row credit, UUID invoiceId, LocalDate invoiceDate, BigDecimal take,
                          Map<UUID, BigDecimal> open) {
        UUID allocation;
        if (creditKind.equals(Kind.PAYMENT.name())) {
            allocation = batch.allocatePayment(creditId, invoiceId, take, credit.entryDate());
        } else {
            LocalDate on = credit.letteredOn();
            if (on == null) {
                on = credit.entryDate().isAfter(invoiceDate) ? credit.entryDate() : invoiceDate;
            }
            allocation = batch.applyCreditNote(creditId, invoiceId, take, on);
        }
        allocations.add(allocation);
        allocationsMade++;
        open.put(creditId, open.get(creditId).subtract(take));
        BigDecimal left = open.get(invoiceId).subtract(take);
        open.put(invoiceId, left);
        if (left.signum() == 0) {
            invoicesSettled++;
        }
    }

    /** New unlettered payments and credit notes that name an unlettered invoice of their debtor. */
    private void settleByReference(List<Row> credits, List<Row> rows, Map<String, LedgerBatch.Item> existing,
                                   Map<String, UUID> newInvoices, Map<UUID, BigDecimal> open) {
        if (credits.isEmpty()) {
            return;
        }
        Set<UUID> lettered = new HashSet<>();
        Map<UUID, UUID> debtorOf = new HashMap<>();
        Map<UUID, LocalDate> dateOf = new HashMap<>();
        for (Row r : rows) {
            if (r.ledgerId() != null && r.kind().equals(Kind.INVOICE.name())) {
                debtorOf.put(r.ledgerId(), r.debtorId());
                dateOf.putIfAbsent(r.ledgerId(), r.entryDate());
                if (r.letterKey() != null) {
                    lettered.add(r.ledgerId());
                }
            }
        }
        List<UUID> existingInvoices = existing.values().stream().filter(i -> !i.creditNote()).map(LedgerBatch.Item::id).toList();
        if (!existingInvoices.isEmpty()) {
            lettered.addAll(items.lettered(tenant, existingInvoices));
        }
        Set<UUID> done = new HashSet<>();
        for (Row credit : credits) {
            if (!done.add(credit.ledgerId())) {
                continue;
            }
            for (String token : tokens(credit)) {
                UUID invoice = newInvoices.get(token);
                UUID debtor = invoice == null ? null : debtorOf.get(invoice);
                LocalDate invoiceDate = invoice == null ? null : dateOf.get(invoice);
                if (invoice == null) {
                    LedgerBatch.Item item = existing.get(token);
                    if (item != null && !item.creditNote()) {
                        invoice = item.id();
                        debtor = item.debtorId();
                        invoiceDate = credit.entryDate();
                    }
                }
                BigDecimal available = open.getOrDefault(credit.ledgerId(), BigDecimal.ZERO);
                if (invoice == null || available.signum() <= 0 || !credit.debtorId().equals(debtor) || lettered.contains(invoice)) {
                    continue;
                }
                BigDecimal take = min(available, open.getOrDefault(invoice, BigDecimal.ZERO));
                if (take.signum() > 0) {
                    allocate(credit.ledgerId(), credit.kind(), credit, invoice, invoiceDate, take, open);
                }
            }
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
