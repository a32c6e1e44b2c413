package fr.encaisse.penalties.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.law.DebtorCategory;
import fr.encaisse.law.DebtorPenaltyStatement;
import fr.encaisse.law.InvoicePenaltyStatement;
import fr.encaisse.law.LateInvoice;
import fr.encaisse.law.MissingRatePolicy;
import fr.encaisse.law.PaymentTermCheck;
import fr.encaisse.law.PaymentTermVerdict;
import fr.encaisse.law.PenaltyTerms;
import fr.encaisse.law.RateTable;
import fr.encaisse.ledger.Allocation;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceQuery;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.Slice;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Feeds the pure {@code law} module with ledger facts and the tenant's terms. */
@Service
@Transactional(readOnly = true)
class PenaltyService implements Penalties {

    private static final BigDecimal MAX_CONTRACT_RATE = new BigDecimal("100");

    private final Ledger ledger;
    private final TermsStore terms;
    private final RateTables rateTables;
    private final Evidence evidence;
    private final Clock clock;
    private final JsonMapper json;

    PenaltyService(Ledger ledger, TermsStore terms, RateTables rateTables, Evidence evidence, Clock clock, JsonMapper json) {
        this.json = json;
        this.ledger = ledger;
        this.terms = terms;
        this.rateTables = rateTables;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Override
    public InvoicePenaltyStatement forInvoice(UUID invoiceId, LocalDate asOf) {
        Invoice invoice = ledger.invoice(invoiceId);
        Debtor debtor = ledger.debtor(invoice.debtorId());
        return rateTables.law().statement(lateInvoice(invoice), penaltyTerms(debtor), asOf);
    }

    @Override
    public DebtorPenaltyStatement forDebtor(UUID debtorId, LocalDate asOf) {
        Debtor debtor = ledger.debtor(debtorId);
        List<LateInvoice> late = new ArrayList<>();
        String cursor = null;
        do {
            Slice<Invoice> page = ledger.invoices(new InvoiceQuery(null, debtorId, null, asOf.minusDays(1), false, 500, cursor));
            page.items().stream().filter(i -> i.openAmount().signum() > 0).map(this::lateInvoice).forEach(late::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return rateTables.law().debtorStatement(debtorId.toString(), late, penaltyTerms(debtor), asOf);
    }

    @Override
    public PaymentTermVerdict termCheck(UUID invoiceId) {
        Invoice invoice = ledger.invoice(invoiceId);
        Debtor debtor = ledger.debtor(invoice.debtorId());
        TermsOfSale t = termsOfSale(debtor.id());
        return rateTables.law().checkPaymentTerm(
                PaymentTermCheck.of(invoice.issueDate(), invoice.dueDate(), t.agreedTerm(), category(debtor.kind())));
    }

    @Override
    public TermsOfSale termsOfSale(UUID debtorIdOrNull) {
        UUID tenant = TenantContext.tenantId();
        if (debtorIdOrNull != null) {
            ledger.debtor(debtorIdOrNull);
            var own = terms.find(tenant, debtorIdOrNull.toString());
            if (own.isPresent()) {
                return own.get();
            }
        }
        return terms.find(tenant, TermsStore.TENANT_SCOPE).orElse(TermsOfSale.LEGAL_DEFAULT);
    }

    @Override
    @Transactional
    public void setTermsOfSale(UUID debtorIdOrNull, TermsOfSale t) {
        if (t.contractRate() != null && (t.contractRate().signum() < 0 || t.contractRate().compareTo(MAX_CONTRACT_RATE) > 0)) {
            throw InvalidInputException.of("contractRate", "must be an annual percentage between 0 and 100");
        }
        UUID subject = debtorIdOrNull;
        if (debtorIdOrNull != null) {
            ledger.debtor(debtorIdOrNull);
        } else {
            subject = TenantContext.tenantId();
        }
        terms.save(TenantContext.tenantId(), debtorIdOrNull == null ? TermsStore.TENANT_SCOPE : debtorIdOrNull.toString(), t,
                OffsetDateTime.now(clock));
        evidence.record(debtorIdOrNull == null ? "TENANT" : "DEBTOR", subject, "terms-of-sale.updated", json.writeValueAsString(t));
    }

    @Override
    public RateTable rates() {
        return rateTables.law().rates();
    }

    @Override
    @Transactional
    public void loadRates(String text, String operator) {
        rateTables.load(text, operator);
    }

    /** Payments count from the day they were received, credit notes from the day they were applied. */
    private LateInvoice lateInvoice(Invoice invoice) {
        LateInvoice late = LateInvoice.of(invoice.id().toString(), invoice.dueDate(), invoice.amountInclTax());
        for (Allocation a : ledger.allocationsOfInvoice(invoice.id())) {
            late = a.paymentId() != null ? late.withPayment(a.allocatedOn(), a.amount()) : late.withCreditNote(a.allocatedOn(), a.amount());
        }
        return late;
    }

    private PenaltyTerms penaltyTerms(Debtor debtor) {
        TermsOfSale t = termsOfSale(debtor.id());
        PenaltyTerms p = PenaltyTerms.of(category(debtor.kind())).withCreditor(t.creditorKind()).withDayCount(t.dayCount())
                .withAllocation(t.allocation())
                .withMissingRatePolicy(t.lastKnownRatesAllowed() ? MissingRatePolicy.LAST_KNOWN_RATE : MissingRatePolicy.FAIL);
        return t.contractRate() == null ? p : p.withContractRate(t.contractRate());
    }

    static DebtorCategory category(DebtorKind kind) {
        return switch (kind) {
            case B2B -> DebtorCategory.PROFESSIONAL;
            case B2C -> DebtorCategory.CONSUMER;
            case PUBLIC -> DebtorCategory.PUBLIC_BUYER;
        };
    }
}
