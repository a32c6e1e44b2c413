package fr.encaisse.sepa.internal;

import fr.encaisse.banking.EntryDetails;
import fr.encaisse.banking.StatementEntry;
import fr.encaisse.banking.StatementFormat;
import fr.encaisse.banking.StatementFormatException;
import fr.encaisse.banking.StatementParser;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.sepa.DebitBatch.DebitBatchStatus;
import fr.encaisse.sepa.DebitReturn;
import fr.encaisse.sepa.DirectDebitReturned;
import fr.encaisse.sepa.DirectDebitStatus;
import fr.encaisse.sepa.MandateStatus;
import fr.encaisse.sepa.Pain002Reader;
import fr.encaisse.sepa.PaymentStatusReport;
import fr.encaisse.sepa.PaymentStatusReport.PaymentInformationStatus;
import fr.encaisse.sepa.PaymentStatusReport.TransactionStatus;
import fr.encaisse.sepa.ReturnImport;
import fr.encaisse.sepa.ReturnPolicy;
import fr.encaisse.sepa.ReturnRoute;
import fr.encaisse.sepa.SepaSettings;
import fr.encaisse.sepa.StatusReportFormatException;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * R-transactions: reads a pain.002 status report (rejects, with {@link Pain002Reader}) or a
 * camt.054 debit notification (returns and refunds, with the banking module's
 * {@link StatementParser}), matches each to its collection by end-to-end id, then applies
 * {@link ReturnPolicy}. Everything is checked before anything is changed, in the caller's
 * transaction: a file with an error changes nothing.
 */
@Component
class ReturnService {

    /** One R-transaction found in a file, matched to its collection. */
    private record Found(DebitStore.Row debit, String reasonCode, BigDecimal amount, BigDecimal fee, LocalDate on) {
    }

    /** What a file says, before anything is applied. */
    private record Read(String messageName, String messageId, String originalMessageId, int transactions,
                        List<Found> found, List<String> unmatched) {
    }

    private static final Set<DirectDebitStatus> RETURNABLE = EnumSet.of(DirectDebitStatus.SUBMITTED,
            DirectDebitStatus.SETTLED, DirectDebitStatus.REJECTED, DirectDebitStatus.RETURNED);

    private final DebitStore debits;
    private final BatchStore batches;
    private final MandateStore mandates;
    private final MandateService mandateService;
    private final CollectionService collections;
    private final ReturnStore store;
    private final NoticeStore notices;
    private final NoticeComposer composer;
    private final DebitLifecycle lifecycle;
    private final SettingsService settings;
    private final Ledger ledger;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final ReturnPolicy policy = ReturnPolicy.DEFAULT;

    ReturnService(DebitStore debits, BatchStore batches, MandateStore mandates, MandateService mandateService,
                  CollectionService collections, ReturnStore store, NoticeStore notices, NoticeComposer composer,
                  DebitLifecycle lifecycle, SettingsService settings, Ledger ledger, Tenants tenants,
                  ApplicationEventPublisher events) {
        this.debits = debits;
        this.batches = batches;
        this.mandates = mandates;
        this.mandateService = mandateService;
        this.collections = collections;
        this.store = store;
        this.notices = notices;
        this.composer = composer;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.ledger = ledger;
        this.tenants = tenants;
        this.events = events;
    }

    ReturnImport importFile(UUID tenantId, String fileName, byte[] content, LocalDate receivedOn) {
        if (content == null || content.length == 0) {
            throw Problems.of("file", null, "is empty");
        }
        String sha = NoticeSender.sha256(content);
        store.importedAlready(tenantId, sha).ifPresent(when -> {
            throw new ConflictException("This file was already imported (" + when + "); nothing was changed");
        });
        LocalDate asOf = receivedOn != null ? receivedOn : tenants.today(tenantId);
        byte[] head = Arrays.copyOf(content, Math.min(content.length, 8192));
        Read read;
        if (Pain002Reader.looksLikeStatusReport(head)) {
            read = pain002(tenantId, content, asOf);
        } else if (StatementFormat.detect(head).filter(f -> f == StatementFormat.CAMT054).isPresent()) {
            read = camt054(tenantId, content, asOf);
        } else {
            throw Problems.of("file", fileName, "is neither a pain.002 status report (" + String.join(", ", Pain002Reader.SUPPORTED)
                    + ") nor a camt.054 debit notification");
        }
        return apply(tenantId, fileName, sha, read, asOf);
    }

    // ---- reading

    private Read pain002(UUID tenantId, byte[] content, LocalDate asOf) {
        PaymentStatusReport report;
        try {
            report = new Pain002Reader().read(new ByteArrayInputStream(content));
        } catch (StatusReportFormatException e) {
            throw new InvalidInputException("The status report cannot be read: " + e.getMessage(), List.of(
                    new FieldProblem(e.line() > 0 ? (int) e.line() : null, "file", null, e.getMessage())));
        }
        String original = report.originalMessageId();
        BatchStore.Row batch = batches.byMessageId(tenantId, original).orElseThrow(() -> Problems.of("OrgnlMsgId", original,
                "no pain.008 file of this creditor has message id " + original + "; nothing was changed"));
        if (batch.status() != DebitBatchStatus.SUBMITTED) {
            throw Problems.of("OrgnlMsgId", original, batch.status() == DebitBatchStatus.CREATED
                    ? "batch " + original + " was not marked submitted: mark it first (POST /api/v1/sepa/batches/" + batch.id() + "/submit)"
                    : "batch " + original + " was discarded and never sent");
        }
        List<DebitStore.Row> rows = debits.ofBatch(tenantId, batch.id());
        Map<String, DebitStore.Row> byE2e = rows.stream().collect(Collectors.toMap(DebitStore.Row::endToEndId, Function.identity()));
        Map<String, List<DebitStore.Row>> byBlock = rows.stream().filter(r -> r.paymentInformationId() != null)
                .collect(Collectors.groupingBy(DebitStore.Row::paymentInformationId));
        Problems problems = new Problems();
        Map<UUID, Found> found = new LinkedHashMap<>();
        String groupReason = report.groupReasons().isEmpty() ? null : report.groupReasons().get(0).code();
        int transactions = 0;
        if (report.groupRejected()) {
            rows.forEach(r -> found.putIfAbsent(r.id(), found(r, groupReason, null, null, asOf)));
        }
        for (PaymentInformationStatus block : report.paymentInformations()) {
            List<DebitStore.Row> blockRows = block.originalPaymentInformationId() == null ? List.of()
                    : byBlock.get(block.originalPaymentInformationId());
            if (block.originalPaymentInformationId() != null && blockRows == null) {
                problems.add("OrgnlPmtInfId", block.originalPaymentInformationId(), "is not a payment information block of "
                        + original);
                continue;
            }
            String blockStatus = block.status() != null ? block.status() : report.groupStatus();
            String blockReason = block.reasons().isEmpty() ? groupReason : block.reasons().get(0).code();
            if (PaymentStatusReport.REJECTED.equals(block.status()) && block.transactions().isEmpty()) {
                blockRows.forEach(r -> found.putIfAbsent(r.id(), found(r, blockReason, null, null, asOf)));
            }
            for (TransactionStatus tx : block.transactions()) {
                transactions++;
                DebitStore.Row r = byE2e.get(tx.originalEndToEndId());
                if (r == null) {
                    problems.add("OrgnlEndToEndId", tx.originalEndToEndId(), "line " + tx.line() + ": not a collection of "
                            + original);
                    continue;
                }
                String status = tx.status() != null ? tx.status() : blockStatus;
                if (PaymentStatusReport.REJECTED.equals(status)) {
                    String reason = tx.reasonCode() != null ? tx.reasonCode() : blockReason;
                    found.put(r.id(), found(r, reason, tx.originalAmount(), tx.charges(), asOf));
                }
            }
        }
        problems.throwIfAny();
        return new Read(report.messageName(), report.messageId(), original, Math.max(transactions, found.size()),
                List.copyOf(found.values()), List.of());
    }

    /** A reject without a reason code is recorded as MS03 ("reason not specified"). */
    private static Found found(DebitStore.Row r, String reason, BigDecimal amount, BigDecimal fee, LocalDate on) {
        return new Found(r, reason == null || reason.isBlank() ? "MS03" : reason, amount != null ? amount : r.amount(), fee, on);
    }

    private Read camt054(UUID tenantId, byte[] content, LocalDate asOf) {
        List<Found> found = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        int[] transactions = {0};
        String[] messageId = {null};
        try {
            var statements = StatementParser.create().expecting(StatementFormat.CAMT054)
                    .forEachEntry(new ByteArrayInputStream(content), entry -> {
                        for (EntryDetails det : entry.details()) {
                            transactions[0]++;
                            if (det.returnReasonCode() == null || det.endToEndId() == null) {
                                continue;
                            }
                            Optional<DebitStore.Row> d = debits.byEndToEndId(tenantId, det.endToEndId());
                            if (d.isEmpty()) {
                                unmatched.add(det.endToEndId());
                                continue;
                            }
                            LocalDate on = entry.bookingDate() != null ? entry.bookingDate()
                                    : entry.valueDate() != null ? entry.valueDate() : asOf;
                            BigDecimal amount = det.amount() != null ? det.amount()
                                    : entry.details().size() == 1 ? entry.amount() : d.get().amount();
                            found.add(found(d.get(), det.returnReasonCode(), amount, fee(entry, det), on));
                        }
                    });
            messageId[0] = statements.isEmpty() ? null : statements.get(0).messageId();
        } catch (StatementFormatException e) {
            throw new InvalidInputException("The notification cannot be read: " + e.getMessage(), List.of(
                    new FieldProblem(e.line() > 0 ? (int) e.line() : null, "file", null, e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Problems problems = new Problems();
        for (Found f : found) {
            if (!RETURNABLE.contains(f.debit().status())) {
                problems.add("EndToEndId", f.debit().endToEndId(), "collection is " + f.debit().status()
                        + ": it never reached the bank, so it cannot come back");
            }
        }
        problems.throwIfAny();
        return new Read("camt.054", messageId[0], null, transactions[0], found, unmatched);
    }

    /**
     * The bank's fee, when one entry carries exactly one returned transaction and debits more than
     * it: the difference. (The banking parser does not expose {@code Chrgs}; see docs/sepa.md.)
     */
    private static BigDecimal fee(StatementEntry entry, EntryDetails det) {
        if (entry.details().size() == 1 && det.amount() != null && entry.amount().compareTo(det.amount()) > 0) {
            return entry.amount().subtract(det.amount());
        }
        return null;
    }

    // ---- applying

    private ReturnImport apply(UUID tenantId, String fileName, String sha, Read read, LocalDate asOf) {
        SepaSettings s = settings.usable(tenantId);
        Tenant creditor = tenants.get(tenantId);
        UUID fileId = UUID.randomUUID();
        OffsetDateTime now = lifecycle.now();
        store.insertFile(fileId, tenantId, read.messageName(), read.messageId(), fileName, sha, read.transactions(), 0,
                TenantContext.actor(), now);
        List<DebitReturn> applied = new ArrayList<>();
        List<String> already = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Found f : read.found()) {
            DebitStore.Row d = debits.find(tenantId, f.debit().id(), true).orElseThrow();
            if (!seen.add(d.id()) || d.status() == DirectDebitStatus.REJECTED || d.status() == DirectDebitStatus.RETURNED) {
                already.add(d.endToEndId());
                continue;
            }
            applied.add(applyOne(tenantId, s, creditor, fileId, d, f, asOf, now));
        }
        store.countReturns(fileId, applied.size());
        lifecycle.journal("SEPA_RETURN_FILE", fileId, "sepa.returns.imported", Map.of("file", fileName == null ? "" : fileName,
                "message", read.messageName(), "sha256", sha, "returns", applied.size()));
        return new ReturnImport(fileId, read.messageName(), read.messageId(), read.originalMessageId(), read.transactions(),
                applied, already, read.unmatched());
    }

    private DebitReturn applyOne(UUID tenantId, SepaSettings s, Tenant creditor, UUID fileId, DebitStore.Row d, Found f,
                                 LocalDate asOf, OffsetDateTime now) {
        boolean settled = d.status() == DirectDebitStatus.SETTLED;
        UUID reversed = null;
        UUID deletedPayment = null;
        if (settled && d.allocationId() != null && allocationExists(d.allocationId())) {
            ledger.reverseAllocation(d.allocationId());
            reversed = d.allocationId();
        }
        if (settled && d.paymentId() != null && paymentExists(d.paymentId()) && ledger.allocationsOfPayment(d.paymentId()).isEmpty()) {
            // The money went back: the payment never happened for the receivables ledger.
            ledger.deleteReturnedPayment(d.paymentId(), f.reasonCode());
            deletedPayment = d.paymentId();
        }
        lifecycle.liftPause(d.endToEndId());
        debits.returned(tenantId, d.id(), settled ? DirectDebitStatus.RETURNED : DirectDebitStatus.REJECTED,
                f.reasonCode() + (settled ? " (returned)" : " (rejected)"), now);

        ReturnPolicy.Decision decision = policy.decide(f.reasonCode(), d.attempt());
        MandateStore.Row m = mandates.find(tenantId, d.mandateId(), true).orElseThrow();
        boolean revoked = false;
        if (decision.revokeMandate() && m.status() != MandateStatus.REVOKED && m.status() != MandateStatus.EXPIRED) {
            mandateService.end(m, MandateStatus.REVOKED, asOf, "R-transaction " + decision.reasonCode() + " on "
                    + d.endToEndId());
            m = mandates.find(tenantId, d.mandateId(), false).orElseThrow();
            revoked = true;
        }
        ReturnRoute route = decision.route();
        Optional<Invoice> invoice = invoice(d.invoiceId());
        BigDecimal again = invoice.map(i -> i.openAmount().min(d.amount())).orElse(BigDecimal.ZERO);
        if (route == ReturnRoute.REPRESENT && (!m.status().usable() || again.signum() <= 0)) {
            route = ReturnRoute.RESUME_DUNNING;
        }
        DebitStore.Row representation = null;
        if (route == ReturnRoute.REPRESENT) {
            LocalDate date = CollectionService.collectionDate(s, m.scheme(), f.on().plusDays(s.representationDelayDays()), asOf);
            representation = collections.create(tenantId, m, invoice.get(), again, date,
                    date.minusDays(s.prenotificationDays()), DirectDebitStatus.PLANNED, d.attempt() + 1, d.id());
        }
        Debtor debtor = ledger.debtor(d.debtorId());
        NoticeComposer.Facts facts = new NoticeComposer.Facts(creditor.name(), d.amount(), d.collectionDate(),
                d.carriedUmr() != null ? d.carriedUmr() : m.umr(),
                d.carriedCreditorId() != null ? d.carriedCreditorId() : s.creditorId(), d.invoiceNumber(),
                d.carriedIban() != null ? d.carriedIban() : m.iban(), d.endToEndId(), m.debtorName());
        NoticeComposer.Rendered notice = composer.returned(debtor, facts, decision.reasonCode(), route, revoked,
                representation == null ? null : representation.collectionDate(),
                representation == null ? null : representation.endToEndId());
        UUID noticeId = notices.queue(tenantId, d.debtorId(), d.id(), NoticeStore.RETURN, notice, now);
        if (representation != null && notice.recipient() != null) {
            // The notice announces the new date, amount, UMR and ICS: it is the re-presentation's pre-notification.
            debits.notified(tenantId, representation.id(), again, representation.collectionDate(), asOf, noticeId, now);
        }
        DebitReturn r = new DebitReturn(UUID.randomUUID(), d.id(), d.invoiceId(), d.endToEndId(), settled ? "RETURN" : "REJECT",
                decision.reasonCode(), f.amount(), f.fee(), f.on(), route, revoked, reversed != null,
                representation == null ? null : representation.id(), noticeId);
        store.insert(tenantId, fileId, r, reversed, deletedPayment, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endToEndId", d.endToEndId());
        details.put("reasonCode", decision.reasonCode());
        details.put("kind", r.kind());
        details.put("route", route.name());
        details.put("mandateRevoked", revoked);
        if (f.fee() != null) {
            details.put("fee", f.fee().toPlainString());
        }
        if (reversed != null) {
            details.put("reversedAllocation", reversed.toString());
        }
        if (representation != null) {
            details.put("representation", representation.endToEndId());
        }
        lifecycle.journal(d.id(), "sepa.debit.returned", details);
        events.publishEvent(new DirectDebitReturned(tenantId, d.id(), d.invoiceId(), decision.reasonCode(), route, revoked));
        return r;
    }

    private boolean paymentExists(UUID paymentId) {
        try {
            ledger.payment(paymentId);
            return true;
        } catch (NotFoundException deletedByHand) {
            return false;
        }
    }

    private boolean allocationExists(UUID allocationId) {
        try {
            ledger.allocation(allocationId);
            return true;
        } catch (NotFoundException reversedByHand) {
            return false;
        }
    }

    private Optional<Invoice> invoice(UUID id) {
        try {
            return Optional.of(ledger.invoice(id));
        } catch (NotFoundException deleted) {
            return Optional.empty();
        }
    }
}
