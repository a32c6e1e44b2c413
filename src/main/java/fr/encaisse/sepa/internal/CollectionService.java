package fr.encaisse.sepa.internal;

import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.ledger.Payment;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.ledger.Slice;
import fr.encaisse.recovery.ActivePauses;
import fr.encaisse.recovery.DunningPauses;
import fr.encaisse.recovery.PauseReason;
import fr.encaisse.sepa.Amendment;
import fr.encaisse.sepa.BatchRequest;
import fr.encaisse.sepa.CollectionDates;
import fr.encaisse.sepa.Creditor;
import fr.encaisse.sepa.DebitBatch;
import fr.encaisse.sepa.DebitBatch.DebitBatchStatus;
import fr.encaisse.sepa.Debit;
import fr.encaisse.sepa.DirectDebit;
import fr.encaisse.sepa.DirectDebitFile;
import fr.encaisse.sepa.DirectDebitSettled;
import fr.encaisse.sepa.DirectDebitStatus;
import fr.encaisse.sepa.MandateDetails;
import fr.encaisse.sepa.MandateHistory;
import fr.encaisse.sepa.MandateNotUsableException;
import fr.encaisse.sepa.MandateStatus;
import fr.encaisse.sepa.MandateType;
import fr.encaisse.sepa.Pain008Summary;
import fr.encaisse.sepa.Pain008Writer;
import fr.encaisse.sepa.PainVersion;
import fr.encaisse.sepa.PlanReport;
import fr.encaisse.sepa.PostalAddress;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SepaIdentifiers;
import fr.encaisse.sepa.SepaSettings;
import fr.encaisse.sepa.SepaValidationException;
import fr.encaisse.sepa.SequenceType;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Planning, pre-notification, batching and booking of collections. Each method runs in the
 * caller's transaction and acts for one tenant.
 */
@Component
class CollectionService {

    private final DebitStore debits;
    private final MandateStore mandates;
    private final MandateService mandateService;
    private final BatchStore batches;
    private final NoticeStore notices;
    private final NoticeComposer composer;
    private final DebitLifecycle lifecycle;
    private final SettingsService settings;
    private final Counters counters;
    private final Ledger ledger;
    private final OpenItems openItems;
    private final DunningPauses pauses;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    CollectionService(DebitStore debits, MandateStore mandates, MandateService mandateService, BatchStore batches,
                      NoticeStore notices, NoticeComposer composer, DebitLifecycle lifecycle, SettingsService settings,
                      Counters counters, Ledger ledger, OpenItems openItems, DunningPauses pauses, Tenants tenants,
                      ApplicationEventPublisher events, JdbcClient jdbc) {
        this.debits = debits;
        this.mandates = mandates;
        this.mandateService = mandateService;
        this.batches = batches;
        this.notices = notices;
        this.composer = composer;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.counters = counters;
        this.ledger = ledger;
        this.openItems = openItems;
        this.pauses = pauses;
        this.tenants = tenants;
        this.events = events;
        this.jdbc = jdbc;
    }

    // ---- dates and identifiers

    /**
     * The collection date for an invoice due on {@code requested}, planned on {@code asOf}: the due
     * date, but not before the pre-notification period and the scheme's lead time have run from
     * {@code asOf}, moved to a TARGET2 business day.
     */
    static LocalDate collectionDate(SepaSettings s, Scheme scheme, LocalDate requested, LocalDate asOf) {
        CollectionDates dates = s.collectionDates();
        LocalDate earliest = later(asOf.plusDays(s.prenotificationDays()), dates.earliestCollectionDate(asOf, scheme));
        return dates.collectionDate(later(requested, earliest));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** How our end-to-end ids begin: the banking module recognises our own direct debits by it. */
    static final String END_TO_END_PREFIX = "ENC-";

    /**
     * {@code ENC-<invoice number>-<n>}: the invoice number (characters outside {@code A-Z a-z 0-9 . -}
     * replaced by '-', its end kept when too long) and a per-tenant counter in base 36, so the id is
     * unique, at most 35 characters, and still tells a person — and the bank reconciliation, which
     * takes {@code ENC-…} for ours — which invoice a credit or a return is about.
     */
    String endToEndId(UUID tenantId, String invoiceNumber) {
        String n = Long.toString(counters.next(tenantId, "e2e"), 36).toUpperCase(Locale.ROOT);
        String number = invoiceNumber.replaceAll("[^A-Za-z0-9.\\-]", "-").replaceAll("-{2,}", "-");
        int room = 35 - END_TO_END_PREFIX.length() - 1 - n.length();
        if (number.length() > room) {
            number = number.substring(number.length() - room);
        }
        return SepaIdentifiers.requireReference("endToEndId", END_TO_END_PREFIX + number + "-" + n);
    }

    // ---- planning

    PlanReport plan(UUID tenantId, LocalDate asOf, UUID debtorId) {
        SepaSettings s = settings.usable(tenantId);
        LocalDate dueTo = asOf.plusDays((long) s.prenotificationDays() + s.planningHorizonDays());
        ActivePauses active = pauses.activeOn(asOf);
        Map<UUID, MandateStore.Row> byDebtor = new LinkedHashMap<>();
        for (MandateStore.Row m : mandates.usable(tenantId, debtorId)) {
            byDebtor.putIfAbsent(m.debtorId(), m);
        }
        List<DirectDebit> planned = new ArrayList<>();
        List<PlanReport.Skipped> skipped = new ArrayList<>();
        for (MandateStore.Row m : byDebtor.values()) {
            List<Invoice> open = openInvoices(m.debtorId(), dueTo);
            Set<UUID> taken = debits.invoicesTaken(tenantId, open.stream().map(Invoice::id).toList());
            boolean oneOffUsed = m.type() == MandateType.ONE_OFF && debits.everUsed(tenantId, m.id());
            for (Invoice i : open) {
                if (taken.contains(i.id())) {
                    continue;
                }
                if (!"EUR".equals(i.currency())) {
                    skipped.add(new PlanReport.Skipped(i.id(), i.number(), "in " + i.currency() + ": SEPA direct debits are in euros"));
                    continue;
                }
                List<PauseReason> why = active.ofInvoice(i.id(), i.debtorId()).reasons().stream()
                        .filter(r -> r != PauseReason.DIRECT_DEBIT_PENDING).toList();
                if (!why.isEmpty()) {
                    skipped.add(new PlanReport.Skipped(i.id(), i.number(), "paused: " + why));
                    continue;
                }
                if (oneOffUsed) {
                    skipped.add(new PlanReport.Skipped(i.id(), i.number(), "one-off mandate " + m.umr() + " already used"));
                    continue;
                }
                LocalDate collection = collectionDate(s, m.scheme(), i.dueDate(), asOf);
                LocalDate lapse = lapseDate(tenantId, m);
                if (collection.isAfter(lapse)) {
                    skipped.add(new PlanReport.Skipped(i.id(), i.number(), "mandate " + m.umr() + " lapses on " + lapse
                            + ", before the collection date " + collection));
                    continue;
                }
                planned.add(create(tenantId, m, i, i.openAmount(), collection, collection.minusDays(s.prenotificationDays()),
                        DirectDebitStatus.PLANNED, 1, null).view());
                oneOffUsed = m.type() == MandateType.ONE_OFF;
            }
        }
        return new PlanReport(asOf, planned, skipped);
    }

    private LocalDate lapseDate(UUID tenantId, MandateStore.Row m) {
        LocalDate last = mandates.presented(tenantId, m.id()).lastCollectionDate();
        return (last != null ? last : m.signedOn()).plusMonths(MandateHistory.LAPSE_MONTHS);
    }

    /** A new collection of an invoice, its invoice paused for dunning. */
    DebitStore.Row create(UUID tenantId, MandateStore.Row m, Invoice i, BigDecimal amount, LocalDate collection,
                          LocalDate prenotifyOn, DirectDebitStatus status, int attempt, UUID represents) {
        UUID id = UUID.randomUUID();
        String e2e = endToEndId(tenantId, i.number());
        debits.insert(id, tenantId, m.id(), i.debtorId(), i.id(), i.number(), e2e, amount, "EUR", i.dueDate(), collection,
                prenotifyOn, m.scheme(), status, attempt, represents, lifecycle.now());
        lifecycle.pause(i.id(), e2e, collection);
        lifecycle.journal(id, attempt == 1 ? "sepa.debit.planned" : "sepa.debit.represented", Map.of("endToEndId", e2e,
                "invoice", i.number(), "amount", amount.toPlainString(), "collectionDate", collection.toString(),
                "umr", m.umr()));
        return debits.find(tenantId, id, false).orElseThrow();
    }

    private List<Invoice> openInvoices(UUID debtorId, LocalDate dueTo) {
        List<Invoice> open = new ArrayList<>();
        String cursor = null;
        do {
            Slice<Invoice> page = ledger.invoices(new InvoiceQuery(null, debtorId, null, dueTo, false, 500, cursor));
            page.items().stream().filter(i -> i.openAmount().signum() > 0).forEach(open::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        open.sort(Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number));
        return open;
    }

    // ---- the daily steps

    /** Usable mandates with no collection for 36 months become EXPIRED. */
    int expire(UUID tenantId, LocalDate asOf) {
        int expired = 0;
        for (MandateStore.Row m : mandates.usableSignedBefore(tenantId, asOf.minusMonths(MandateHistory.LAPSE_MONTHS))) {
            LocalDate last = mandates.presented(tenantId, m.id()).lastCollectionDate();
            LocalDate start = last != null ? last : m.signedOn();
            if (asOf.isAfter(start.plusMonths(MandateHistory.LAPSE_MONTHS))) {
                mandateService.end(mandates.find(tenantId, m.id(), true).orElseThrow(), MandateStatus.EXPIRED, asOf,
                        "no collection for " + MandateHistory.LAPSE_MONTHS + " months since " + start);
                expired++;
            }
        }
        return expired;
    }

    /** Counts of what {@link #prenotify} did. */
    record Prenotified(int queued, int redated, int cancelled) {
    }

    /**
     * Queues the pre-notification of each collection whose day has come, with the invoice's open
     * amount as it is now; a collection whose invoice was paid is cancelled, one whose date can no
     * longer be announced in time moves to the first date that can.
     */
    Prenotified prenotify(UUID tenantId, LocalDate asOf) {
        SepaSettings s = settings.usable(tenantId);
        Tenant creditor = tenants.get(tenantId);
        int queued = 0;
        int redated = 0;
        int cancelled = 0;
        for (DebitStore.Row d : debits.planDue(tenantId, asOf)) {
            Optional<Invoice> invoice = invoice(d.invoiceId());
            if (invoice.isEmpty() || invoice.get().openAmount().signum() <= 0) {
                lifecycle.cancel(d, invoice.isEmpty() ? "invoice deleted" : "invoice " + d.invoiceNumber() + " paid otherwise", false);
                cancelled++;
                continue;
            }
            MandateStore.Row m = mandates.find(tenantId, d.mandateId(), false).orElseThrow();
            LocalDate collection = d.collectionDate();
            if (asOf.plusDays(s.prenotificationDays()).isAfter(collection)) {
                collection = collectionDate(s, d.scheme(), d.dueDate(), asOf);
                redated++;
            }
            BigDecimal amount = invoice.get().openAmount();
            Debtor debtor = ledger.debtor(d.debtorId());
            NoticeComposer.Rendered notice = composer.prenotification(debtor, new NoticeComposer.Facts(creditor.name(), amount,
                    collection, m.umr(), s.creditorId(), d.invoiceNumber(), m.iban(), d.endToEndId(), m.debtorName()));
            if (notice.recipient() == null) {
                debits.planningNote(tenantId, d.id(), "no email address to send the pre-notification to: add one to the debtor",
                        lifecycle.now());
                continue;
            }
            UUID noticeId = notices.queue(tenantId, d.debtorId(), d.id(), NoticeStore.PRENOTIFICATION, notice, lifecycle.now());
            debits.notified(tenantId, d.id(), amount, collection, asOf, noticeId, lifecycle.now());
            lifecycle.journal(d.id(), "sepa.debit.prenotified", Map.of("endToEndId", d.endToEndId(), "amount",
                    amount.toPlainString(), "collectionDate", collection.toString(), "notice", noticeId.toString()));
            queued++;
        }
        return new Prenotified(queued, redated, cancelled);
    }

    /**
     * Pre-notified collections whose file did not reach the bank in time get a new date, and a new
     * pre-notification.
     */
    int replanMissed(UUID tenantId, LocalDate asOf) {
        SepaSettings s = settings.usable(tenantId);
        CollectionDates dates = s.collectionDates();
        int moved = 0;
        for (DebitStore.Row d : debits.inStatus(tenantId, EnumSet.of(DirectDebitStatus.NOTIFIED), null)) {
            LocalDate latest = dates.latestSubmissionDate(d.collectionDate(), d.scheme());
            if (latest.isBefore(asOf)) {
                LocalDate collection = collectionDate(s, d.scheme(), d.dueDate(), asOf);
                debits.replan(tenantId, d.id(), collection, collection.minusDays(s.prenotificationDays()),
                        "no file reached the bank by " + latest + " for " + d.collectionDate() + "; moved to " + collection,
                        lifecycle.now());
                lifecycle.journal(d.id(), "sepa.debit.replanned", Map.of("endToEndId", d.endToEndId(),
                        "from", d.collectionDate().toString(), "to", collection.toString()));
                moved++;
            }
        }
        return moved;
    }

    /**
     * Submitted collections whose date has come are booked: a DIRECT_DEBIT payment dated the
     * collection date, allocated to the invoice up to what is still open on it; the pause ends.
     * When the bank statement's credit of the debit was reconciled first (banking books it with
     * the end-to-end id as reference), that payment stands for the collection: booking another
     * would count the money twice.
     */
    int settle(UUID tenantId, LocalDate asOf) {
        List<DebitStore.Row> due = debits.inStatus(tenantId, EnumSet.of(DirectDebitStatus.SUBMITTED), asOf);
        Map<String, Payment> booked = alreadyBooked(due);
        int settled = 0;
        for (DebitStore.Row d : due) {
            Payment p = booked.get(d.endToEndId());
            UUID allocation;
            if (p == null) {
                BigDecimal open = invoice(d.invoiceId()).map(Invoice::openAmount).orElse(BigDecimal.ZERO);
                BigDecimal share = open.min(d.amount());
                List<PaymentDraft.Share> shares = share.signum() > 0 ? List.of(new PaymentDraft.Share(d.invoiceId(), share)) : List.of();
                p = ledger.recordPayment(new PaymentDraft(d.debtorId(), d.collectionDate(), d.amount(), d.currency(),
                        PaymentMethod.DIRECT_DEBIT, d.endToEndId(), shares));
                allocation = shares.isEmpty() ? null : ledger.allocationsOfPayment(p.id()).get(0).id();
            } else {
                allocation = ledger.allocationsOfPayment(p.id()).stream().filter(a -> d.invoiceId().equals(a.invoiceId()))
                        .map(Allocation::id).findFirst().orElse(null);
            }
            debits.settled(tenantId, d.id(), p.id(), allocation, d.collectionDate(), lifecycle.now());
            lifecycle.liftPause(d.endToEndId());
            lifecycle.journal(d.id(), "sepa.debit.settled", Map.of("endToEndId", d.endToEndId(), "payment", p.id().toString(),
                    "amount", d.amount().toPlainString(), "on", d.collectionDate().toString(),
                    "bookedBy", booked.containsKey(d.endToEndId()) ? "bank statement" : "collection date"));
            events.publishEvent(new DirectDebitSettled(tenantId, d.id(), d.invoiceId(), p.id(), d.amount(), d.collectionDate()));
            settled++;
        }
        return settled;
    }

    /** Payments already recorded for these debits (same end-to-end id, amount and currency), by end-to-end id. */
    private Map<String, Payment> alreadyBooked(List<DebitStore.Row> due) {
        if (due.isEmpty()) {
            return Map.of();
        }
        Map<String, DebitStore.Row> byId = new HashMap<>();
        due.forEach(d -> byId.put(d.endToEndId(), d));
        Map<String, Payment> booked = new HashMap<>();
        for (Payment p : openItems.paymentsByReference(PaymentMethod.DIRECT_DEBIT, byId.keySet())) {
            DebitStore.Row d = byId.get(p.reference());
            if (d != null && p.amount().compareTo(d.amount()) == 0 && p.currency().equals(d.currency())) {
                booked.put(d.endToEndId(), p);
            }
        }
        return booked;
    }

    private Optional<Invoice> invoice(UUID id) {
        try {
            return Optional.of(ledger.invoice(id));
        } catch (NotFoundException deleted) {
            return Optional.empty();
        }
    }

    // ---- batches

    DebitBatch createBatch(UUID tenantId, BatchRequest request) {
        SepaSettings s = settings.usable(tenantId);
        LocalDate asOf = request.asOf() != null ? request.asOf() : tenants.today(tenantId);
        PainVersion version = request.version() != null ? request.version() : s.painVersion();
        Tenant t = tenants.get(tenantId);
        Creditor creditor = creditor(t, s);
        CollectionDates dates = s.collectionDates();
        List<DebitStore.Row> candidates = debits.batchable(tenantId, asOf, asOf.plusDays(dates.maxCalendarDaysInAdvance()))
                .stream().filter(d -> dates.canSubmit(asOf, d.collectionDate(), d.scheme())).toList();
        UUID batchId = UUID.randomUUID();
        OffsetDateTime now = lifecycle.now();
        Map<UUID, MandateStore.Row> mandateRows = new HashMap<>();
        Map<UUID, MandateHistory> histories = new HashMap<>();
        List<String> dropped = new ArrayList<>();
        int included = 0;
        for (DebitStore.Row d : candidates) {
            // Read without a lock: revoking takes the mandate then its collections, so locking the
            // mandate after the collections here could deadlock; a revocation waits for these rows.
            MandateStore.Row m = mandateRows.computeIfAbsent(d.mandateId(), id -> mandates.find(tenantId, id, false).orElseThrow());
            if (!m.status().usable()) {
                lifecycle.cancel(d, "mandate " + m.umr() + " is " + m.status(), false);
                dropped.add(d.endToEndId() + ": mandate " + m.status());
                continue;
            }
            BigDecimal open = invoice(d.invoiceId()).map(Invoice::openAmount).orElse(BigDecimal.ZERO);
            BigDecimal amount = open.min(d.amount());
            if (amount.signum() <= 0) {
                lifecycle.cancel(d, "invoice " + d.invoiceNumber() + " paid otherwise", false);
                dropped.add(d.endToEndId() + ": invoice paid");
                continue;
            }
            MandateHistory h = histories.computeIfAbsent(m.id(), id -> history(tenantId, m, creditor));
            SequenceType type;
            try {
                type = s.sequenceTypePolicy().decide(h, d.collectionDate(), false);
            } catch (MandateNotUsableException e) {
                lifecycle.cancel(d, e.getMessage(), false);
                dropped.add(d.endToEndId() + ": " + e.getMessage());
                continue;
            }
            Amendment amendment = type == SequenceType.OOFF ? Amendment.NONE : h.pendingAmendment();
            debits.batched(tenantId, d.id(), batchId, amount, type, h.current(), m.signedOn(), amendment, now);
            if (amendment.isAmended()) {
                mandates.amendmentsCarriedBy(tenantId, m.id(), d.id());
            }
            histories.put(m.id(), h.afterCollection(d.collectionDate(), type));
            included++;
        }
        if (included == 0) {
            throw new ConflictException("Nothing to collect: no pre-notified collection may be submitted on " + asOf
                    + (dropped.isEmpty() ? "" : " (left out: " + String.join("; ", dropped) + ")"));
        }
        String messageId = s.umrPrefix() + "-SDD-" + asOf.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + String.format(Locale.ROOT, "%06d", counters.next(tenantId, "batch"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(included * 1200 + 4096);
        Pain008Summary summary;
        try {
            summary = new Pain008Writer(version).write(new DirectDebitFile(messageId, now, creditor),
                    () -> batchDebits(tenantId, batchId), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] content = out.toByteArray();
        LocalDate first = summary.paymentInformations().stream().map(Pain008Summary.PaymentInformation::collectionDate)
                .min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = summary.paymentInformations().stream().map(Pain008Summary.PaymentInformation::collectionDate)
                .max(Comparator.naturalOrder()).orElseThrow();
        LocalDate latestSubmission = summary.paymentInformations().stream()
                .map(p -> dates.latestSubmissionDate(p.collectionDate(), p.scheme())).min(Comparator.naturalOrder()).orElseThrow();
        BatchStore.Row batch = new BatchStore.Row(batchId, tenantId, messageId, version, DebitBatchStatus.CREATED, asOf,
                summary.numberOfTransactions(), summary.controlSum(), first, last, latestSubmission, messageId + ".xml",
                NoticeSender.sha256(content), null, now, TenantContext.actor());
        batches.insert(batch, content);
        for (Pain008Summary.PaymentInformation p : summary.paymentInformations()) {
            batches.insertBlock(tenantId, batchId, p);
            debits.blockOf(tenantId, batchId, p.collectionDate(), p.scheme(), p.sequenceType(), p.paymentInformationId());
        }
        lifecycle.journal("SEPA_BATCH", batchId, "sepa.batch.created", Map.of("messageId", messageId, "version", version.messageName(),
                "transactions", summary.numberOfTransactions(), "controlSum", summary.controlSum().toPlainString(),
                "sha256", batch.sha256()));
        return batches.view(batch);
    }

    /** The mandate as the rules see it: what is current, and what the bank saw last. */
    private MandateHistory history(UUID tenantId, MandateStore.Row m, Creditor creditor) {
        MandateDetails current = new MandateDetails(m.umr(), creditor.creditorSchemeId(), creditor.name(), m.iban(), m.bic());
        MandateStore.Presented presented = mandates.presented(tenantId, m.id());
        if (presented.count() == 0) {
            return MandateHistory.signed(m.type(), current, m.signedOn());
        }
        DebitStore.Row last = debits.lastPresented(tenantId, m.id()).orElseThrow();
        return new MandateHistory(m.type(), current, m.signedOn(), presented.count(), presented.lastCollectionDate(),
                last.carried(), debits.finalPresented(tenantId, m.id()));
    }

    private static Creditor creditor(Tenant t, SepaSettings s) {
        if (t.iban() == null || t.iban().isBlank()) {
            throw new ConflictException("The tenant has no IBAN to collect to: direct debits need the creditor's account");
        }
        try {
            PostalAddress address = t.city() == null || t.city().isBlank() ? null
                    : new PostalAddress(t.addressLine1(), null, t.postalCode(), t.city(), t.country() == null ? "FR" : t.country());
            return new Creditor(t.name(), t.iban(), t.bic(), s.creditorId(), address);
        } catch (SepaValidationException e) {
            throw new ConflictException("The tenant's details cannot go into a SEPA file: " + e.getMessage());
        }
    }

    /** The batch's debits in the writer's block order, streamed from the database (read twice by the writer). */
    private Stream<Debit> batchDebits(UUID tenantId, UUID batchId) {
        return jdbc.sql("""
                        SELECT d.end_to_end_id, d.amount, d.carried_umr, d.signed_on, d.sequence_type, d.scheme,
                               d.collection_date, d.carried_iban, d.carried_bic, d.amended, d.original_umr, d.original_iban,
                               d.original_creditor_id, d.original_creditor_name, d.changed_debtor_agent, d.invoice_number,
                               m.debtor_name, m.debtor_street, m.debtor_post_code, m.debtor_town, m.debtor_country
                        FROM sepa_debit d JOIN sepa_mandate m ON m.tenant_id = d.tenant_id AND m.id = d.mandate_id
                        WHERE d.tenant_id = ? AND d.batch_id = ?
                        ORDER BY d.collection_date, d.scheme, d.sequence_type, d.end_to_end_id""")
                .params(tenantId, batchId).query(CollectionService::debit).stream();
    }

    private static Debit debit(ResultSet rs, int n) throws SQLException {
        boolean amended = rs.getBoolean("amended");
        String town = rs.getString("debtor_town");
        String country = rs.getString("debtor_country");
        PostalAddress address = town == null || town.isBlank() || country == null || !country.matches("[A-Z]{2}") ? null
                : new PostalAddress(rs.getString("debtor_street"), null, rs.getString("debtor_post_code"), town, country);
        return Debit.builder()
                .endToEndId(rs.getString("end_to_end_id"))
                .amount(rs.getBigDecimal("amount"))
                .mandateId(rs.getString("carried_umr"))
                .dateOfSignature(rs.getObject("signed_on", LocalDate.class))
                .sequenceType(SequenceType.valueOf(rs.getString("sequence_type")))
                .scheme(Scheme.valueOf(rs.getString("scheme")))
                .collectionDate(rs.getObject("collection_date", LocalDate.class))
                .debtorName(rs.getString("debtor_name"))
                .debtorIban(rs.getString("carried_iban"))
                .debtorBic(rs.getString("carried_bic"))
                .debtorAddress(address)
                .remittanceInformation(rs.getString("invoice_number"))
                .amendment(amended ? new Amendment(rs.getString("original_umr"), rs.getString("original_creditor_id"),
                        rs.getString("original_creditor_name"), rs.getString("original_iban"),
                        rs.getBoolean("changed_debtor_agent")) : Amendment.NONE)
                .build();
    }

    DebitBatch submit(UUID tenantId, UUID batchId, LocalDate submittedOn) {
        BatchStore.Row b = batches.find(tenantId, batchId, true).orElseThrow(() -> new NotFoundException("Batch", batchId));
        if (b.status() != DebitBatchStatus.CREATED) {
            throw new ConflictException("Batch " + b.messageId() + " is " + b.status() + "; only a batch just created can be"
                    + " marked submitted");
        }
        LocalDate on = submittedOn != null ? submittedOn : tenants.today(tenantId);
        if (on.isBefore(b.createdOn())) {
            throw Problems.of("submittedOn", on.toString(), "is before the batch was created (" + b.createdOn() + ")");
        }
        if (on.isAfter(b.latestSubmissionDate())) {
            throw new ConflictException("Too late for batch " + b.messageId() + ": it had to reach the bank by "
                    + b.latestSubmissionDate() + " for its collections of " + b.firstCollectionDate()
                    + "; discard it (DELETE /api/v1/sepa/batches/" + b.id() + ") and create a new one");
        }
        OffsetDateTime now = lifecycle.now();
        batches.submitted(tenantId, batchId, on, TenantContext.actor(), now);
        List<DebitStore.Row> rows = debits.ofBatch(tenantId, batchId);
        debits.submitted(tenantId, batchId, now);
        // The amendment has been announced: AMENDED → ACTIVE (the flags themselves are recomputed at
        // each batch from what the bank last saw, so this status is for people, not for the rules).
        rows.stream().filter(DebitStore.Row::amended).map(DebitStore.Row::mandateId).distinct()
                .forEach(id -> mandates.announced(tenantId, id, now));
        lifecycle.journal("SEPA_BATCH", batchId, "sepa.batch.submitted", Map.of("messageId", b.messageId(), "submittedOn", on.toString(),
                "transactions", b.numberOfTransactions()));
        return batches.view(batches.find(tenantId, batchId, false).orElseThrow());
    }

    DebitBatch discard(UUID tenantId, UUID batchId) {
        BatchStore.Row b = batches.find(tenantId, batchId, true).orElseThrow(() -> new NotFoundException("Batch", batchId));
        if (b.status() != DebitBatchStatus.CREATED) {
            throw new ConflictException("Batch " + b.messageId() + " is " + b.status() + "; only a batch not yet submitted"
                    + " can be discarded");
        }
        for (DebitStore.Row d : debits.ofBatch(tenantId, batchId)) {
            mandates.amendmentsNotCarried(tenantId, d.id());
        }
        debits.unbatched(tenantId, batchId, lifecycle.now());
        batches.discarded(tenantId, batchId);
        lifecycle.journal("SEPA_BATCH", batchId, "sepa.batch.discarded", Map.of("messageId", b.messageId()));
        return batches.view(batches.find(tenantId, batchId, false).orElseThrow());
    }
}
