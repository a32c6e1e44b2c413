package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.BatchFile;
import fr.encaisse.sepa.BatchRequest;
import fr.encaisse.sepa.DebitBatch;
import fr.encaisse.sepa.DebitReturn;
import fr.encaisse.sepa.DirectDebit;
import fr.encaisse.sepa.DirectDebitStatus;
import fr.encaisse.sepa.DirectDebits;
import fr.encaisse.sepa.PlanReport;
import fr.encaisse.sepa.ReturnImport;
import fr.encaisse.sepa.SepaNotice;
import fr.encaisse.sepa.SepaRunReport;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's front door for collections. Work that ends with notices to debtors (the daily run,
 * a returns import) commits first, then sends them, outside any transaction.
 */
@Service
class DirectDebitService implements DirectDebits {

    private static final Logger log = LoggerFactory.getLogger(DirectDebitService.class);
    private static final String ACTOR = "system:sepa";

    private final CollectionService collections;
    private final ReturnService returnService;
    private final DebitStore debits;
    private final MandateStore mandates;
    private final BatchStore batches;
    private final ReturnStore returnStore;
    private final NoticeStore notices;
    private final NoticeSender sender;
    private final DebitLifecycle lifecycle;
    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DirectDebitService(CollectionService collections, ReturnService returnService, DebitStore debits, MandateStore mandates,
                       BatchStore batches, ReturnStore returnStore, NoticeStore notices, NoticeSender sender,
                       DebitLifecycle lifecycle, Tenants tenants, JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.collections = collections;
        this.returnService = returnService;
        this.debits = debits;
        this.mandates = mandates;
        this.batches = batches;
        this.returnStore = returnStore;
        this.notices = notices;
        this.sender = sender;
        this.lifecycle = lifecycle;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    private LocalDate orToday(LocalDate asOf) {
        return asOf != null ? asOf : tenants.today(tenant());
    }

    @Override
    @Transactional
    public PlanReport plan(LocalDate asOf, UUID debtorId) {
        return collections.plan(tenant(), orToday(asOf), debtorId);
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public SepaRunReport run(LocalDate asOf) {
        UUID tenantId = tenant();
        LocalDate day = orToday(asOf);
        int expired = tx.execute(s -> collections.expire(tenantId, day));
        int replanned = tx.execute(s -> collections.replanMissed(tenantId, day));
        int planned = tx.execute(s -> collections.plan(tenantId, day, null).planned().size());
        CollectionService.Prenotified p = tx.execute(s -> collections.prenotify(tenantId, day));
        int settled = tx.execute(s -> collections.settle(tenantId, day));
        int sent = sender.dispatch(tenantId);
        return new SepaRunReport(day, expired, planned, p.queued(), replanned + p.redated(), settled, p.cancelled(), sent);
    }

    /** The scheduler's entry: every tenant that uses direct debits; one tenant's failure does not stop the others. */
    @Transactional(propagation = Propagation.NEVER)
    public void runDaily() {
        List<UUID> failed = new ArrayList<>();
        for (UUID tenantId : jdbc.sql("SELECT DISTINCT tenant_id FROM sepa_mandate").query(UUID.class).list()) {
            try {
                TenantContext.runAs(tenantId, ACTOR, () -> run(null));
            } catch (RuntimeException e) {
                log.error("SEPA daily run failed for tenant {}; the other tenants go on", tenantId, e);
                failed.add(tenantId);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("SEPA daily run failed for tenants " + failed);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<DirectDebit> debits(DirectDebitStatus status, UUID invoiceId, UUID mandateId, int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return views(debits.list(tenant(), status, invoiceId, mandateId, limit));
    }

    @Override
    @Transactional(readOnly = true)
    public DirectDebit debit(UUID id) {
        return views(List.of(find(id, false))).get(0);
    }

    /** Views with the mandate's UMR filled in for collections not batched yet. */
    private List<DirectDebit> views(List<DebitStore.Row> rows) {
        Map<UUID, String> umrs = rows.stream().map(DebitStore.Row::mandateId).distinct()
                .map(id -> mandates.find(tenant(), id, false).orElseThrow())
                .collect(Collectors.toMap(MandateStore.Row::id, MandateStore.Row::umr));
        return rows.stream().map(r -> {
            DirectDebit v = r.view();
            return v.umr() != null ? v : new DirectDebit(v.id(), v.mandateId(), umrs.get(v.mandateId()), v.debtorId(),
                    v.invoiceId(), v.invoiceNumber(), v.endToEndId(), v.amount(), v.currency(), v.dueDate(),
                    v.collectionDate(), v.prenotifyOn(), v.scheme(), v.sequenceType(), v.status(), v.attempt(),
                    v.representsDebitId(), v.batchId(), v.amended(), v.paymentId(), v.allocationId(), v.settledOn(),
                    v.statusReason());
        }).toList();
    }

    private DebitStore.Row find(UUID id, boolean lock) {
        return debits.find(tenant(), id, lock).orElseThrow(() -> new NotFoundException("Collection", id));
    }

    @Override
    @Transactional
    public DirectDebit cancel(UUID id, String reason) {
        DebitStore.Row d = find(id, true);
        if (d.status() != DirectDebitStatus.PLANNED && d.status() != DirectDebitStatus.NOTIFIED) {
            throw new ConflictException("Collection " + d.endToEndId() + " is " + d.status() + "; only a planned or"
                    + " pre-notified collection can be cancelled (discard its batch first if it is in one)");
        }
        lifecycle.cancel(d, reason == null || reason.isBlank() ? "cancelled by " + TenantContext.actor() : reason.strip(), true);
        return debit(id);
    }

    @Override
    @Transactional
    public DebitBatch createBatch(BatchRequest request) {
        return collections.createBatch(tenant(), request == null ? new BatchRequest(null, null) : request);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DebitBatch> batches() {
        return batches.list(tenant(), 200).stream().map(batches::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public DebitBatch batch(UUID id) {
        return batches.view(batches.find(tenant(), id, false).orElseThrow(() -> new NotFoundException("Batch", id)));
    }

    @Override
    @Transactional(readOnly = true)
    public BatchFile batchFile(UUID id) {
        BatchStore.Row b = batches.find(tenant(), id, false).orElseThrow(() -> new NotFoundException("Batch", id));
        return new BatchFile(b.fileName(), b.sha256(), batches.content(tenant(), id));
    }

    @Override
    @Transactional
    public DebitBatch submit(UUID id, LocalDate submittedOn) {
        return collections.submit(tenant(), id, submittedOn);
    }

    @Override
    @Transactional
    public DebitBatch discard(UUID id) {
        return collections.discard(tenant(), id);
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public ReturnImport importReturns(String fileName, byte[] content, LocalDate receivedOn) {
        UUID tenantId = tenant();
        ReturnImport result = tx.execute(s -> returnService.importFile(tenantId, fileName, content, receivedOn));
        sender.dispatch(tenantId);
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DebitReturn> returns(int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be between 1 and 500");
        }
        return returnStore.list(tenant(), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SepaNotice> notices(UUID debitId) {
        if (debitId != null) {
            find(debitId, false);
        }
        return notices.list(tenant(), debitId, 200);
    }

    @Override
    @Transactional(propagation = Propagation.NEVER)
    public int sendNotices() {
        return sender.dispatch(tenant());
    }
}
