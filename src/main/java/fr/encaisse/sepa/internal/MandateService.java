package fr.encaisse.sepa.internal;

import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.sepa.DirectDebitStatus;
import fr.encaisse.sepa.Mandate;
import fr.encaisse.sepa.MandateAmendment;
import fr.encaisse.sepa.MandateDocument;
import fr.encaisse.sepa.MandateDraft;
import fr.encaisse.sepa.MandateHistory;
import fr.encaisse.sepa.MandateReferencePattern;
import fr.encaisse.sepa.MandateSignature;
import fr.encaisse.sepa.MandateStatus;
import fr.encaisse.sepa.MandateType;
import fr.encaisse.sepa.Mandates;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SepaSettings;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mandates of the current tenant. A UMR is unique per creditor and never reused: every UMR ever
 * issued is kept in {@code sepa_umr}, so a UMR changed by an amendment, or of a deleted mandate,
 * stays taken.
 */
@Service
@Transactional
class MandateService implements Mandates {

    /**
     * Countries of the European Economic Area: for an IBAN of any other SEPA country (Switzerland,
     * the United Kingdom, Monaco, San Marino…) the EPC rulebooks require the debtor's BIC.
     */
    static final Set<String> EEA = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
            "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO");

    private final MandateStore store;
    private final DebitStore debits;
    private final DebitLifecycle lifecycle;
    private final SettingsService settings;
    private final Counters counters;
    private final Ledger ledger;
    private final Tenants tenants;
    private final Evidence evidence;
    private final JsonMapper json;
    private final MandateForm forms;

    MandateService(MandateStore store, DebitStore debits, DebitLifecycle lifecycle, SettingsService settings,
                   Counters counters, Ledger ledger, Tenants tenants, Evidence evidence, JsonMapper json, MandateForm forms) {
        this.store = store;
        this.debits = debits;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.counters = counters;
        this.ledger = ledger;
        this.tenants = tenants;
        this.evidence = evidence;
        this.json = json;
        this.forms = forms;
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    @Override
    public Mandate create(MandateDraft d) {
        UUID tenantId = tenant();
        SepaSettings s = settings.usable(tenantId);
        Problems p = new Problems();
        Debtor debtor = null;
        if (d.debtorId() == null) {
            p.add("debtorId", "is required");
        } else {
            try {
                debtor = ledger.debtor(d.debtorId());
            } catch (NotFoundException e) {
                p.add("debtorId", d.debtorId().toString(), "no debtor " + d.debtorId() + " for this creditor");
            }
        }
        String iban = p.iban("iban", d.iban());
        String bic = p.optionalBic("bic", d.bic());
        requireBicOutsideEea(p, iban, bic);
        Scheme scheme = d.scheme() == null ? Scheme.CORE : d.scheme();
        if (scheme == Scheme.B2B && debtor != null && debtor.kind() == DebtorKind.B2C) {
            p.add("scheme", "B2B", "the B2B scheme is for business debtors only; this debtor is a consumer (B2C)");
        }
        String umr = null;
        if (d.umr() != null && !d.umr().isBlank()) {
            umr = p.umr("umr", d.umr());
            if (umr != null && store.umrOwner(tenantId, umr).isPresent()) {
                p.add("umr", umr, "is already used by a mandate of this creditor (a UMR is never reused)");
            }
        }
        checkCountry(p, d.debtorCountry());
        p.throwIfAny();

        String name = blank(d.debtorName()) ? debtor.legalName() : d.debtorName().strip();
        var address = debtor.address();
        String street = blank(d.debtorStreet()) && address != null ? address.line1() : strip(d.debtorStreet());
        String postCode = blank(d.debtorPostCode()) && address != null ? address.postalCode() : strip(d.debtorPostCode());
        String town = blank(d.debtorTown()) && address != null ? address.city() : strip(d.debtorTown());
        String country = blank(d.debtorCountry()) && address != null ? address.country() : strip(d.debtorCountry());
        if (umr == null) {
            umr = generateUmr(tenantId, s, debtor.reference());
        }
        OffsetDateTime now = lifecycle.now();
        MandateStore.Row row = new MandateStore.Row(UUID.randomUUID(), tenantId, debtor.id(), umr, scheme,
                d.type() == null ? MandateType.RECURRENT : d.type(), MandateStatus.PENDING_SIGNATURE, name, street, postCode,
                town, country, iban, bic, null, null, null, null, null, now);
        store.insert(row, now);
        store.reserveUmr(tenantId, umr, row.id());
        journal(row.id(), "sepa.mandate.created", Map.of("umr", umr, "scheme", scheme.name(), "type", row.type().name(),
                "debtor", debtor.id().toString(), "iban", NoticeComposer.masked(iban)));
        return view(row);
    }

    private String generateUmr(UUID tenantId, SepaSettings s, String debtorReference) {
        MandateReferencePattern pattern = MandateReferencePattern.withPrefix(s.umrPrefix());
        while (true) {
            String umr = pattern.format(debtorReference, counters.next(tenantId, "umr"));
            if (store.umrOwner(tenantId, umr).isEmpty()) {
                return umr;
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Mandate mandate(UUID id) {
        return view(find(id, false));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Mandate> list(UUID debtorId, MandateStatus status) {
        return store.list(tenant(), debtorId, status, 500).stream().map(this::view).toList();
    }

    @Override
    public Mandate amend(UUID id, MandateAmendment a) {
        UUID tenantId = tenant();
        MandateStore.Row m = find(id, true);
        if (m.status() == MandateStatus.REVOKED || m.status() == MandateStatus.EXPIRED) {
            throw new ConflictException("Mandate " + m.umr() + " is " + m.status() + "; it can no longer be amended");
        }
        Problems p = new Problems();
        String iban = a.iban() == null ? m.iban() : p.iban("iban", a.iban());
        // A new account without a BIC drops the old account's BIC; the same account keeps it.
        String bic = a.bic() != null ? p.optionalBic("bic", a.bic()) : Objects.equals(iban, m.iban()) ? m.bic() : null;
        if (a.iban() != null || a.bic() != null) {
            requireBicOutsideEea(p, iban, bic);
        }
        String umr = m.umr();
        if (a.umr() != null && !a.umr().equals(m.umr())) {
            umr = p.umr("umr", a.umr());
            if (umr != null && store.umrOwner(tenantId, umr).isPresent()) {
                p.add("umr", umr, "is already used by a mandate of this creditor (a UMR is never reused)");
            }
        }
        if (a.debtorName() != null && a.debtorName().isBlank()) {
            p.add("debtorName", "must not be blank");
        }
        checkCountry(p, a.debtorCountry());
        p.throwIfAny();

        MandateStore.Row after = new MandateStore.Row(m.id(), tenantId, m.debtorId(), umr, m.scheme(), m.type(), m.status(),
                a.debtorName() == null ? m.debtorName() : a.debtorName().strip(), pick(a.debtorStreet(), m.debtorStreet()),
                pick(a.debtorPostCode(), m.debtorPostCode()), pick(a.debtorTown(), m.debtorTown()),
                pick(a.debtorCountry(), m.debtorCountry()), iban, bic, m.signedOn(), m.signedAt(), m.signatory(),
                m.statusChangedOn(), m.statusReason(), m.createdAt());
        boolean accountOrReference = !Objects.equals(m.iban(), iban) || !Objects.equals(m.umr(), umr);
        boolean bankData = accountOrReference || !Objects.equals(m.bic(), bic);
        if (m.status().usable() && accountOrReference && store.presented(tenantId, id).count() > 0) {
            after = after.withStatus(MandateStatus.AMENDED, m.statusChangedOn(), m.statusReason());
        }
        OffsetDateTime now = lifecycle.now();
        if (!Objects.equals(m.umr(), umr)) {
            store.reserveUmr(tenantId, umr, id);
        }
        store.update(after, now);
        if (bankData && m.status() != MandateStatus.PENDING_SIGNATURE) {
            store.insertAmendment(tenantId, id, tenants.today(tenantId), m, after, a.reason(), TenantContext.actor(), now);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("umr", umr);
        if (!Objects.equals(m.umr(), umr)) {
            details.put("previousUmr", m.umr());
        }
        if (!Objects.equals(m.iban(), iban)) {
            details.put("iban", NoticeComposer.masked(iban));
            details.put("previousIban", NoticeComposer.masked(m.iban()));
        }
        if (a.reason() != null) {
            details.put("reason", a.reason());
        }
        journal(id, "sepa.mandate.amended", details);
        return view(store.find(tenantId, id, false).orElseThrow());
    }

    @Override
    public Mandate sign(UUID id, MandateSignature sig) {
        UUID tenantId = tenant();
        MandateStore.Row m = find(id, true);
        if (m.status() != MandateStatus.PENDING_SIGNATURE) {
            throw new ConflictException("Mandate " + m.umr() + " is " + m.status() + "; only a mandate waiting for its"
                    + " signature can be signed");
        }
        Problems p = new Problems();
        LocalDate today = tenants.today(tenantId);
        if (sig == null || sig.signedOn() == null) {
            p.add("signedOn", "is required");
        } else if (sig.signedOn().isAfter(today)) {
            p.add("signedOn", sig.signedOn().toString(), "is in the future (today is " + today + ")");
        }
        if (sig == null || blank(sig.place())) {
            p.add("place", "is required: the mandate states where it was signed");
        } else if (sig.place().length() > 100) {
            p.add("place", "is longer than 100 characters");
        }
        p.throwIfAny();
        MandateStore.Row signed = new MandateStore.Row(m.id(), tenantId, m.debtorId(), m.umr(), m.scheme(), m.type(),
                MandateStatus.ACTIVE, m.debtorName(), m.debtorStreet(), m.debtorPostCode(), m.debtorTown(),
                m.debtorCountry(), m.iban(), m.bic(), sig.signedOn(), sig.place().strip(), strip(sig.signatory()),
                sig.signedOn(), null, m.createdAt());
        store.update(signed, lifecycle.now());
        journal(id, "sepa.mandate.signed", Map.of("umr", m.umr(), "signedOn", sig.signedOn().toString(),
                "place", sig.place().strip()));
        return view(signed);
    }

    @Override
    public Mandate revoke(UUID id, String reason, LocalDate on) {
        UUID tenantId = tenant();
        MandateStore.Row m = find(id, true);
        if (m.status() == MandateStatus.REVOKED || m.status() == MandateStatus.EXPIRED) {
            throw new ConflictException("Mandate " + m.umr() + " is already " + m.status());
        }
        List<DebitStore.Row> inBatch = debits.ofMandate(tenantId, id, EnumSet.of(DirectDebitStatus.BATCHED));
        if (!inBatch.isEmpty()) {
            throw new ConflictException("Mandate " + m.umr() + " has " + inBatch.size() + " collection(s) in a pain.008 file"
                    + " not yet submitted; discard that batch first (DELETE /api/v1/sepa/batches/" + inBatch.get(0).batchId() + ")");
        }
        LocalDate date = on == null ? tenants.today(tenantId) : on;
        end(m, MandateStatus.REVOKED, date, blank(reason) ? "revoked" : reason.strip());
        return view(store.find(tenantId, id, false).orElseThrow());
    }

    /**
     * Ends a mandate (revoked or expired) and cancels its collections not yet in a file. Collections
     * already in a file are left: the bank will reject or return them.
     */
    void end(MandateStore.Row m, MandateStatus status, LocalDate on, String reason) {
        store.update(m.withStatus(status, on, reason), lifecycle.now());
        for (DebitStore.Row d : debits.ofMandate(m.tenantId(), m.id(),
                EnumSet.of(DirectDebitStatus.PLANNED, DirectDebitStatus.NOTIFIED))) {
            lifecycle.cancel(d, "mandate " + m.umr() + " " + status.name().toLowerCase() + ": " + reason, false);
        }
        journal(m.id(), status == MandateStatus.REVOKED ? "sepa.mandate.revoked" : "sepa.mandate.expired",
                Map.of("umr", m.umr(), "on", on.toString(), "reason", reason));
    }

    @Override
    public void delete(UUID id) {
        MandateStore.Row m = find(id, true);
        if (m.status() != MandateStatus.PENDING_SIGNATURE) {
            throw new ConflictException("Mandate " + m.umr() + " is " + m.status() + "; only a mandate never signed can be"
                    + " deleted (revoke it instead)");
        }
        store.delete(tenant(), id);
        journal(id, "sepa.mandate.deleted", Map.of("umr", m.umr()));
    }

    @Override
    @Transactional(readOnly = true)
    public MandateDocument form(UUID id, String language) {
        MandateStore.Row m = find(id, false);
        Debtor debtor = ledger.debtor(m.debtorId());
        String lang = language == null || language.isBlank() ? ("en".equalsIgnoreCase(debtor.language()) ? "en" : "fr")
                : language.strip().toLowerCase();
        if (!lang.equals("fr") && !lang.equals("en")) {
            throw Problems.of("language", language, "must be fr or en");
        }
        UUID tenantId = tenant();
        Tenant creditor = tenants.get(tenantId);
        SepaSettings s = settings.usable(tenantId);
        byte[] pdf = forms.render(lang, m, creditor, s.creditorId(), s.prenotificationDays());
        return new MandateDocument("mandate-" + m.umr() + "-" + lang + ".pdf", lang, pdf);
    }

    MandateStore.Row find(UUID id, boolean lock) {
        return store.find(tenant(), id, lock).orElseThrow(() -> new NotFoundException("Mandate", id));
    }

    Mandate view(MandateStore.Row m) {
        UUID tenantId = m.tenantId();
        MandateStore.Presented presented = store.presented(tenantId, m.id());
        LocalDate clockStart = presented.lastCollectionDate() != null ? presented.lastCollectionDate() : m.signedOn();
        return new Mandate(m.id(), m.debtorId(), m.umr(), m.scheme(), m.type(), m.status(), settings.of(tenantId).creditorId(),
                m.debtorName(), m.debtorStreet(), m.debtorPostCode(), m.debtorTown(), m.debtorCountry(), m.iban(), m.bic(),
                m.signedOn(), m.signedAt(), m.signatory(), m.statusChangedOn(), m.statusReason(), presented.count(),
                presented.lastCollectionDate(), clockStart == null ? null : clockStart.plusMonths(MandateHistory.LAPSE_MONTHS),
                store.amendments(tenantId, m.id()), m.createdAt());
    }

    private void journal(UUID mandateId, String action, Map<String, ?> details) {
        evidence.record("SEPA_MANDATE", mandateId, action, json.writeValueAsString(details));
    }

    private static void requireBicOutsideEea(Problems p, String iban, String bic) {
        if (iban != null && bic == null && !EEA.contains(iban.substring(0, 2))) {
            p.add("bic", "is required for an account outside the European Economic Area (IBAN country "
                    + iban.substring(0, 2) + ")");
        }
    }

    private static void checkCountry(Problems p, String country) {
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Z]{2}")) {
            p.add("debtorCountry", country, "must be an ISO 3166 two-letter country code");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String pick(String given, String current) {
        return given == null ? current : strip(given);
    }
}
