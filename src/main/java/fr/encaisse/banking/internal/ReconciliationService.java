package fr.encaisse.banking.internal;

import fr.encaisse.banking.BankStatement;
import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.ImportResult;
import fr.encaisse.banking.LineStatus;
import fr.encaisse.banking.ManualMatch;
import fr.encaisse.banking.MatchCandidate;
import fr.encaisse.banking.MatchCounts;
import fr.encaisse.banking.Reconciliation;
import fr.encaisse.banking.ReconciliationSettings;
import fr.encaisse.banking.ReversalCounts;
import fr.encaisse.banking.StatementEntry;
import fr.encaisse.banking.StatementFormatException;
import fr.encaisse.banking.StatementHeader;
import fr.encaisse.banking.StatementLine;
import fr.encaisse.banking.StatementListener;
import fr.encaisse.banking.StatementParser;
import fr.encaisse.banking.internal.matching.IncomingCredit;
import fr.encaisse.banking.internal.matching.MatchResult;
import fr.encaisse.banking.internal.matching.MatchingEngine;
import fr.encaisse.banking.internal.matching.OpenItemBook;
import fr.encaisse.banking.internal.matching.Proposal;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.ledger.Slice;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports statements and reconciles their credits with the ledger. The file is parsed whole
 * before anything is written, and written in one transaction; then each new credit is matched
 * by the in-memory {@link MatchingEngine} over a bulk read of the open items, and each automatic
 * match is recorded (payment, allocations, credit notes applied, evidence) in a transaction of
 * its own, so that one failure (the ledger changed meanwhile) leaves that line as a suggestion
 * and the rest done. Every line is locked before a payment is recorded from it, and keeps the
 * payment's id under a unique index: nothing is recorded twice. Credits of our own direct debits
 * that sepa already booked are linked to its payment instead ({@link DirectDebitLinks}); debits
 * that reverse or return a matched credit undo its match ({@link Reversals}); those left for a
 * person may be closed by one ({@link ClosedLines}).
 */
@Service
class ReconciliationService implements Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);

    /** Below this a candidate is shown, not suggested. */
    static final int SUGGESTION_FLOOR = 50;

    private final StatementStore store;
    private final Ledger ledger;
    private final OpenItems openItems;
    private final Evidence evidence;
    private final Tenants tenants;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final MatchUndo matchUndo;
    private final DirectDebitLinks directDebits;
    private final Reversals reversals;
    private final ClosedLines closedLines;

    ReconciliationService(StatementStore store, Ledger ledger, OpenItems openItems, Evidence evidence, Tenants tenants,
                          JsonMapper json, Clock clock, PlatformTransactionManager transactions, MatchUndo matchUndo,
                          DirectDebitLinks directDebits, Reversals reversals, ClosedLines closedLines) {
        this.store = store;
        this.closedLines = closedLines;
        this.matchUndo = matchUndo;
        this.directDebits = directDebits;
        this.reversals = reversals;
        this.ledger = ledger;
        this.openItems = openItems;
        this.evidence = evidence;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    // ---- import

    /** A statement read from the file: its header (complete) and its entries. */
    private record Parsed(StatementHeader header, List<StatementEntry> entries) {
    }

    @Override
    public ImportResult importStatement(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(new FieldProblem(1, "file", null, "is empty"));
        }
        List<Parsed> parsed = parse(content);
        String name = fileName == null || fileName.isBlank() ? null : fileName.substring(0, Math.min(255, fileName.length()));
        Written written = tx.execute(status -> write(name, content, parsed));
        MatchCounts counts = matchLines(written.toMatch());
        ReversalCounts reversed = reversals.check(written.toReverse());
        return new ImportResult(written.statements(), written.newLines(), written.knownLines(), written.notApplicable(), counts,
                reversed);
    }

    private List<Parsed> parse(byte[] content) {
        List<Parsed> statements = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        try {
            StatementParser.create().parse(new ByteArrayInputStream(content), new StatementListener() {
                private List<StatementEntry> entries = new ArrayList<>();

                @Override
                public void statementStarted(StatementHeader header) {
                    entries = new ArrayList<>();
                }

                @Override
                public void entry(StatementEntry entry) {
                    if (entry.amount().stripTrailingZeros().scale() > 2) {
                        problems.add(new FieldProblem((int) entry.line(), "amount", entry.amount().toPlainString(),
                                "has more than 2 decimals, which this version cannot record"));
                    }
                    entries.add(entry);
                }

                @Override
                public void statementEnded(StatementHeader header, int entryCount) {
                    statements.add(new Parsed(header, entries));
                }
            });
        } catch (StatementFormatException e) {
            throw new InvalidInputException("The file is not a valid bank statement; nothing was imported: " + e.getMessage(),
                    List.of(new FieldProblem((int) Math.min(Integer.MAX_VALUE, e.line()),
                            e.path() == null ? "file" : e.path(), null, e.reason())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The file cannot be imported; nothing was imported", problems);
        }
        return statements;
    }

    private record Written(List<ImportResult.Statement> statements, int newLines, int knownLines, int notApplicable,
                           List<UUID> toMatch, List<UUID> toReverse) {
    }

    private Written write(String fileName, byte[] content, List<Parsed> parsed) {
        UUID tenant = tenant();
        OffsetDateTime now = now();
        List<ImportResult.Statement> results = new ArrayList<>();
        List<UUID> toMatch = new ArrayList<>();
        List<UUID> toReverse = new ArrayList<>();
        int newLines = 0;
        int knownLines = 0;
        int notApplicable = 0;
        for (Parsed p : parsed) {
            StatementHeader h = p.header();
            UUID id = store.findStatement(tenant, h.format(), h.accountId(), h.statementId()).orElse(null);
            boolean created = id == null;
            if (created) {
                id = UUID.randomUUID();
                store.insertStatement(tenant, id, h, fileName, now);
            }
            Set<String> known = created ? Set.of() : store.lineKeys(tenant, id);
            List<StatementStore.LineRow> fresh = new ArrayList<>();
            int statementKnown = 0;
            for (StatementEntry entry : p.entries()) {
                for (StatementStore.LineRow line : StatementLines.of(entry, id)) {
                    if (known.contains(line.fingerprint() + "#" + line.transaction())) {
                        statementKnown++;
                        continue;
                    }
                    fresh.add(line);
                    if (line.status() == LineStatus.NEW) {
                        (line.creditDebit() == CreditDebit.CREDIT ? toMatch : toReverse).add(line.id());
                    } else {
                        notApplicable++;
                    }
                }
            }
            store.insertLines(tenant, fresh, now);
            if (created || !fresh.isEmpty()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("file", fileName);
                details.put("sha256", sha256(content));
                details.put("format", h.messageName());
                details.put("reference", h.statementId());
                details.put("account", h.accountId());
                details.put("newLines", fresh.size());
                details.put("knownLines", statementKnown);
                evidence.record("BANK_STATEMENT", id, "bank-statement.imported", json.writeValueAsString(details));
            }
            results.add(new ImportResult.Statement(id, h.statementId(), h.accountId(), created, fresh.size(), statementKnown));
            newLines += fresh.size();
            knownLines += statementKnown;
        }
        return new Written(results, newLines, knownLines, notApplicable, toMatch, toReverse);
    }

    // ---- matching

    private MatchCounts matchLines(List<UUID> lineIds) {
        if (lineIds.isEmpty()) {
            return MatchCounts.NONE;
        }
        UUID tenant = tenant();
        List<StatementStore.LineRow> open = store.linesToMatch(tenant, lineIds);
        DirectDebitLinks.Outcome links = directDebits.link(open);
        List<StatementStore.LineRow> rows = open.stream().filter(r -> !links.done().contains(r.id())).toList();
        if (rows.isEmpty()) {
            return new MatchCounts(links.linked(), 0, 0);
        }
        MatchingEngine engine = new MatchingEngine(loadBook(tenant), settings().autoMatchThreshold());
        List<IncomingCredit> credits = rows.stream().map(ReconciliationService::credit).toList();
        boolean[] applied = new boolean[rows.size()];
        String[] failures = rows.stream().map(r -> links.notes().get(r.id())).toArray(String[]::new);
        List<MatchResult> results = engine.matchAll(credits, 1, (k, proposal) -> {
            StatementStore.LineRow row = rows.get(k);
            if (row.autoBlocked()) {
                return false;
            }
            try {
                MatchCandidate candidate = candidate(proposal);
                tx.executeWithoutResult(status -> record(row.id(), candidate, "AUTO", candidate.confidence(), false));
                applied[k] = true;
            } catch (RuntimeException e) {
                // the ledger changed since it was read: the match stays a suggestion
                LOG.info("automatic match of bank line {} not applied: {}", row.id(), e.getMessage());
                failures[k] = "automatic match not applied: " + e.getMessage();
            }
            return applied[k];
        });
        int matched = links.linked();
        int suggested = 0;
        int unmatched = 0;
        List<Runnable> updates = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            MatchResult result = results.get(k);
            List<MatchCandidate> candidates = result.candidates().stream().map(ReconciliationService::candidate).toList();
            UUID id = rows.get(k).id();
            if (applied[k]) {
                matched++;
                String text = json.writeValueAsString(candidates);
                updates.add(() -> store.saveCandidates(tenant, id, text));
                continue;
            }
            Integer best = candidates.isEmpty() ? null : candidates.get(0).confidence();
            LineStatus status = best != null && best >= SUGGESTION_FLOOR ? LineStatus.SUGGESTED : LineStatus.UNMATCHED;
            if (status == LineStatus.SUGGESTED) {
                suggested++;
            } else {
                unmatched++;
            }
            String note = failures[k] != null ? failures[k] : rows.get(k).note();
            String text = candidates.isEmpty() ? null : json.writeValueAsString(candidates);
            updates.add(() -> store.markProposals(tenant, id, status, best, text, note));
        }
        for (int from = 0; from < updates.size(); from += 500) {
            List<Runnable> chunk = updates.subList(from, Math.min(updates.size(), from + 500));
            tx.executeWithoutResult(status -> chunk.forEach(Runnable::run));
        }
        return new MatchCounts(matched, suggested, unmatched);
    }

    /** The snapshot the engine reads: debtors, open invoices and credit notes, learnt payer accounts. */
    private OpenItemBook loadBook(UUID tenant) {
        OpenItemBook.Builder book = OpenItemBook.builder();
        tx.executeWithoutResult(status -> {
            openItems.forEachDebtor(d -> book.debtor(d.id(), d.legalName()));
            openItems.forEachOpenInvoice(i -> book.invoice(i.id(), i.debtorId(), i.number(), i.currency(), i.openAmount(),
                    i.dueDate()));
            openItems.forEachOpenCreditNote(c -> book.creditNote(c.id(), c.debtorId(), c.number(), c.currency(), c.openAmount()));
            store.payerAccounts(tenant).forEach(a -> book.payerAccount(a.iban(), a.debtorId()));
        });
        return book.build();
    }

    private static IncomingCredit credit(StatementStore.LineRow row) {
        List<String> text = new ArrayList<>();
        if (row.remittance() != null) {
            text.addAll(List.of(row.remittance().split("\n")));
        }
        if (row.additionalInfo() != null) {
            text.add(row.additionalInfo());
        }
        return new IncomingCredit(row.amount(), row.currency(), row.bookingDate(), row.endToEndId(), row.creditorReferences(),
                text, row.payerName(), row.payerIban());
    }

    private static MatchCandidate candidate(Proposal p) {
        return new MatchCandidate(p.debtorId(), p.debtorName(),
                p.shares().stream().map(s -> new MatchCandidate.Allocation(s.invoiceId(), s.invoiceNumber(), s.amount())).toList(),
                p.creditNotes().stream().map(u -> new MatchCandidate.CreditNoteUse(u.creditNoteId(), u.creditNoteNumber(),
                        u.invoiceId(), u.invoiceNumber(), u.amount())).toList(),
                p.unallocated(), p.confidence(),
                p.reasons().stream().map(r -> new MatchCandidate.Reason(r.code().name(), r.text())).toList());
    }

    // ---- applying a match

    /** What was recorded for a matched line, so that it can be undone. */
    record Applied(UUID paymentId, List<UUID> creditNoteAllocations, MatchCandidate candidate) {
    }

    /**
     * Records the payment of a line and its allocations (credit notes first), in the caller's
     * transaction, after locking the line: a line already matched is refused.
     */
    private void record(UUID lineId, MatchCandidate c, String by, Integer confidence, boolean learn) {
        UUID tenant = tenant();
        StatementStore.LineRow row = store.line(tenant, lineId, true).orElseThrow(() -> new NotFoundException("Statement line", lineId));
        if (row.status() == LineStatus.MATCHED || row.paymentId() != null) {
            throw new ConflictException("Statement line " + lineId + " is already matched; undo that first");
        }
        if (row.status() == LineStatus.NOT_APPLICABLE || row.status() == LineStatus.REVERSED
                || row.status() == LineStatus.RETURNED || row.creditDebit() != CreditDebit.CREDIT) {
            throw new ConflictException("Statement line " + lineId + " is not a credit to match (" + row.note() + ")");
        }
        LocalDate on = row.bookingDate() != null ? row.bookingDate()
                : row.valueDate() != null ? row.valueDate() : tenants.today(tenant);
        List<UUID> noteAllocations = new ArrayList<>();
        for (MatchCandidate.CreditNoteUse use : c.creditNotes()) {
            noteAllocations.add(ledger.applyCreditNote(use.creditNoteId(), use.invoiceId(), use.amount(), on).id());
        }
        List<PaymentDraft.Share> shares = c.allocations().stream()
                .map(a -> new PaymentDraft.Share(a.invoiceId(), a.amount())).toList();
        boolean ourDebit = MatchingEngine.isOurEndToEndId(row.endToEndId());
        Payment payment = ledger.recordPayment(new PaymentDraft(c.debtorId(), on, row.amount(), row.currency(),
                ourDebit ? PaymentMethod.DIRECT_DEBIT : PaymentMethod.TRANSFER, paymentReference(row), shares));
        OffsetDateTime now = now();
        store.markMatched(tenant, lineId, confidence, by, c.debtorId(), payment.id(),
                json.writeValueAsString(new Applied(payment.id(), noteAllocations, c)), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("by", by);
        details.put("paymentId", payment.id());
        details.put("debtorId", c.debtorId());
        details.put("amount", row.amount());
        details.put("allocations", c.allocations());
        details.put("creditNotes", c.creditNotes());
        details.put("creditNoteAllocations", noteAllocations);
        details.put("confidence", confidence);
        details.put("reasons", c.reasons().stream().map(MatchCandidate.Reason::code).toList());
        evidence.record("BANK_LINE", lineId, "AUTO".equals(by) ? "bank-line.matched" : "bank-line.matched-by-user",
                json.writeValueAsString(details));
        if (learn && c.debtorId() != null && row.payerIban() != null
                && store.linkPayer(tenant, row.payerIban(), c.debtorId(), lineId, now)) {
            evidence.record("BANK_LINE", lineId, "payer-account.linked",
                    json.writeValueAsString(Map.of("iban", row.payerIban(), "debtorId", c.debtorId())));
        }
    }

    private static String paymentReference(StatementStore.LineRow row) {
        String reference = row.endToEndId() != null ? row.endToEndId()
                : row.bankReference() != null ? row.bankReference() : row.remittance();
        return reference == null ? null : reference.substring(0, Math.min(140, reference.length()));
    }

    @Override
    public StatementLine confirm(UUID lineId, int candidate) {
        StatementLine line = line(lineId);
        if (line.status() == LineStatus.MATCHED) {
            throw new ConflictException("Statement line " + lineId + " is already matched");
        }
        if (candidate < 0 || candidate >= line.candidates().size()) {
            throw InvalidInputException.of("candidate", line.candidates().isEmpty() ? "this line has no candidate"
                    : "must be between 0 and " + (line.candidates().size() - 1));
        }
        MatchCandidate chosen = line.candidates().get(candidate);
        tx.executeWithoutResult(status -> record(lineId, chosen, "USER", chosen.confidence(), true));
        return line(lineId);
    }

    @Override
    public StatementLine match(UUID lineId, ManualMatch match) {
        StatementLine line = line(lineId);
        if (match == null) {
            throw InvalidInputException.of("debtorId", "is required when no allocation is given");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<MatchCandidate.Allocation> allocations = new ArrayList<>();
        UUID debtor = match.debtorId();
        for (int i = 0; i < match.allocations().size(); i++) {
            ManualMatch.Share share = match.allocations().get(i);
            if (share.invoiceId() == null) {
                problems.add(FieldProblem.of("allocations[" + i + "].invoiceId", "is required"));
                continue;
            }
            try {
                Invoice invoice = ledger.invoice(share.invoiceId());
                debtor = debtor == null ? invoice.debtorId() : debtor;
                allocations.add(new MatchCandidate.Allocation(invoice.id(), invoice.number(), share.amount()));
            } catch (NotFoundException e) {
                problems.add(FieldProblem.of("allocations[" + i + "].invoiceId", share.invoiceId().toString(), "no such invoice"));
            }
        }
        if (debtor == null && problems.isEmpty()) {
            problems.add(FieldProblem.of("debtorId", "is required when no allocation is given"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The match cannot be applied", problems);
        }
        String debtorName;
        try {
            debtorName = ledger.debtor(debtor).legalName();
        } catch (NotFoundException e) {
            throw InvalidInputException.of("debtorId", "no debtor " + debtor);
        }
        BigDecimal allocated = allocations.stream().map(a -> a.amount() == null ? BigDecimal.ZERO : a.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        MatchCandidate manual = new MatchCandidate(debtor, debtorName, allocations, List.of(), line.amount().subtract(allocated),
                0, List.of(new MatchCandidate.Reason("USER", "matched by " + TenantContext.actor())));
        tx.executeWithoutResult(status -> record(lineId, manual, "USER", null, true));
        return line(lineId);
    }

    @Override
    public StatementLine reject(UUID lineId) {
        tx.executeWithoutResult(status -> {
            StatementStore.LineRow row = store.line(tenant(), lineId, true).orElseThrow(() -> new NotFoundException("Statement line", lineId));
            if (row.status() != LineStatus.SUGGESTED && row.status() != LineStatus.UNMATCHED) {
                throw new ConflictException("Statement line " + lineId + " has no suggestion to reject (it is " + row.status() + ")");
            }
            store.markUnmatched(tenant(), lineId, "suggestion rejected by " + TenantContext.actor());
            evidence.record("BANK_LINE", lineId, "bank-line.suggestion-rejected", json.writeValueAsString(
                    Map.of("confidence", row.confidence() == null ? 0 : row.confidence())));
        });
        return line(lineId);
    }

    @Override
    public StatementLine undo(UUID lineId) {
        tx.executeWithoutResult(status -> {
            UUID tenant = tenant();
            StatementStore.LineRow row = store.line(tenant, lineId, true).orElseThrow(() -> new NotFoundException("Statement line", lineId));
            if (row.status() != LineStatus.MATCHED || row.paymentId() == null) {
                throw new ConflictException("Statement line " + lineId + " is not matched (it is " + row.status() + ")");
            }
            if (DirectDebitLinks.BY.equals(row.matchedBy())) {
                // sepa's payment stays: only the link was wrong
                store.markUnmatched(tenant, lineId, "link to the direct debit's payment undone by " + TenantContext.actor());
                evidence.record("BANK_LINE", lineId, "bank-line.direct-debit-link-undone",
                        json.writeValueAsString(Map.of("paymentId", row.paymentId())));
                return;
            }
            Map<String, Object> details = matchUndo.undo(tenant, row);
            store.markUnmatched(tenant, lineId, "match undone by " + TenantContext.actor());
            evidence.record("BANK_LINE", lineId, "bank-line.match-undone", json.writeValueAsString(details));
        });
        return line(lineId);
    }

    @Override
    public StatementLine close(UUID lineId, String reason) {
        closedLines.close(lineId, reason);
        return line(lineId);
    }

    @Override
    public StatementLine reopen(UUID lineId) {
        closedLines.reopen(lineId);
        return line(lineId);
    }

    @Override
    public MatchCounts rematch(UUID statementId) {
        statement(statementId);
        MatchCounts counts = matchLines(store.openLineIds(tenant(), statementId));
        reversals.check(store.reversalsToCheck(tenant(), statementId));
        return counts;
    }

    // ---- reading

    @Override
    public Slice<BankStatement> statements(int limit, String after) {
        int size = PageCursor.limit(limit);
        OffsetDateTime afterAt = null;
        UUID afterId = null;
        if (after != null) {
            PageCursor c = PageCursor.decode(after);
            try {
                afterAt = OffsetDateTime.parse(c.key());
                afterId = UUID.fromString(c.id());
            } catch (RuntimeException e) {
                throw InvalidInputException.of("after", "is not a cursor returned by this API");
            }
        }
        OffsetDateTime at = afterAt;
        UUID id = afterId;
        List<BankStatement> rows = tx.execute(s -> store.statements(tenant(), size + 1, at, id));
        return page(rows, size, b -> new PageCursor(b.importedAt().toString(), b.id().toString()));
    }

    @Override
    public BankStatement statement(UUID id) {
        return store.statement(tenant(), id).orElseThrow(() -> new NotFoundException("Bank statement", id));
    }

    @Override
    public Slice<StatementLine> lines(UUID statementId, LineStatus status, int limit, String after) {
        statement(statementId);
        int size = PageCursor.limit(limit);
        int position = 0;
        int transaction = -1;
        if (after != null) {
            PageCursor c = PageCursor.decode(after);
            try {
                position = Integer.parseInt(c.key());
                transaction = Integer.parseInt(c.id());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("after", "is not a cursor returned by this API");
            }
        }
        List<StatementLine> rows = store.linesOf(tenant(), statementId, status, size + 1, position, transaction).stream()
                .map(this::view).toList();
        return page(rows, size, l -> new PageCursor(Integer.toString(l.position()), Integer.toString(l.transaction())));
    }

    @Override
    public long countLines(LineStatus status) {
        if (status == null) {
            throw InvalidInputException.of("status", "is required");
        }
        return store.countWithStatus(tenant(), status);
    }

    @Override
    public Slice<StatementLine> lines(LineStatus status, int limit, String after) {
        if (status == null) {
            throw InvalidInputException.of("status", "is required");
        }
        int size = PageCursor.limit(limit);
        LocalDate afterDate = null;
        UUID afterId = null;
        if (after != null) {
            PageCursor c = PageCursor.decode(after);
            try {
                afterDate = LocalDate.parse(c.key());
                afterId = UUID.fromString(c.id());
            } catch (RuntimeException e) {
                throw InvalidInputException.of("after", "is not a cursor returned by this API");
            }
        }
        List<StatementLine> rows = store.linesWithStatus(tenant(), status, size + 1, afterDate, afterId).stream()
                .map(this::view).toList();
        return page(rows, size, l -> new PageCursor(String.valueOf(l.bookingDate()), l.id().toString()));
    }

    @Override
    public StatementLine line(UUID lineId) {
        return store.line(tenant(), lineId, false).map(this::view)
                .orElseThrow(() -> new NotFoundException("Statement line", lineId));
    }

    private StatementLine view(StatementStore.LineRow r) {
        List<MatchCandidate> candidates = r.candidates() == null ? List.of()
                : json.readValue(r.candidates(), new TypeReference<List<MatchCandidate>>() { });
        return new StatementLine(r.id(), r.statementId(), r.position(), r.transaction(), r.fileLine(), r.bookingDate(),
                r.valueDate(), r.amount(), r.currency(), r.creditDebit(), r.reversal(), r.bankReference(), r.endToEndId(),
                r.payerName(), r.payerIban(), r.creditorReferences(), r.remittance(), r.status(), r.confidence(),
                r.matchedBy(), r.debtorId(), r.paymentId(), r.matchedAt(), candidates, r.autoBlocked(), r.note());
    }

    private static <T> Slice<T> page(List<T> rows, int limit, java.util.function.Function<T, PageCursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Slice<>(items, cursorOf.apply(items.get(limit - 1)).encode());
    }

    // ---- settings

    @Override
    public ReconciliationSettings settings() {
        return store.threshold(tenant()).map(ReconciliationSettings::new).orElse(ReconciliationSettings.DEFAULT);
    }

    @Override
    public ReconciliationSettings updateSettings(ReconciliationSettings settings) {
        if (settings == null || settings.autoMatchThreshold() < 50 || settings.autoMatchThreshold() > 100) {
            throw InvalidInputException.of("autoMatchThreshold", "must be between 50 and 100 (100: never automatic)");
        }
        tx.executeWithoutResult(status -> {
            store.saveThreshold(tenant(), settings.autoMatchThreshold(), now());
            evidence.record("BANK_SETTINGS", tenant(), "bank-reconciliation.settings-changed",
                    json.writeValueAsString(settings));
        });
        return settings();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
