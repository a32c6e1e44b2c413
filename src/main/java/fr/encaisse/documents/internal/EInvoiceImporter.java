package fr.encaisse.documents.internal;

import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.EInvoiceImport;
import fr.encaisse.documents.StoredDocument;
import fr.encaisse.documents.internal.EInvoiceReader.Data;
import fr.encaisse.documents.internal.EInvoiceReader.Party;
import fr.encaisse.law.DebtorCategory;
import fr.encaisse.law.LatePaymentLaw;
import fr.encaisse.law.PaymentTermCheck;
import fr.encaisse.law.PaymentTermVerdict;
import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.CreditNote;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorDirectory;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.FrenchIdentifiers;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.ledger.PaymentMethod;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts an e-invoice read by {@link EInvoiceReader} into the ledger, inside the caller's
 * transaction (all or nothing): finds or creates the debtor (the buyer), issues the invoice or
 * credit note, records the amount the file says was already paid (BT-113), keeps the original
 * file and journals it.
 *
 * <p>The file must have been issued by the tenant: when both the file and the tenant carry a VAT
 * number or SIREN and none match, it is refused — an invoice the tenant <em>received</em> is a
 * payable, not a receivable.
 */
@Component
class EInvoiceImporter {

    private final Ledger ledger;
    private final DebtorDirectory directory;
    private final Tenants tenants;
    private final Penalties penalties;

    EInvoiceImporter(Ledger ledger, DebtorDirectory directory, Tenants tenants, Penalties penalties) {
        this.ledger = ledger;
        this.directory = directory;
        this.tenants = tenants;
        this.penalties = penalties;
    }

    EInvoiceImport apply(Data data, String fileName, byte[] content, DocumentService service) {
        UUID tenantId = TenantContext.tenantId();
        Tenant tenant = tenants.get(tenantId);
        List<String> warnings = new ArrayList<>(data.notes());
        checkSeller(data.seller(), tenant);
        // The ledger keeps net + VAT = total; a rounding inside the total goes with the net, never with the VAT.
        BigDecimal net = data.roundingInTotal() ? data.taxBasis().add(data.rounding()) : data.taxBasis();
        if (data.roundingInTotal()) {
            warnings.add("Amount without VAT recorded as " + net.toPlainString() + " (BT-109 + BT-114) so that net + VAT = total");
        }
        if (ledger.invoiceByNumber(data.number()).isPresent() || ledger.creditNoteByNumber(data.number()).isPresent()) {
            throw new ConflictException((data.creditNote() ? "Credit note " : "Invoice ") + data.number()
                    + " is already in the ledger; nothing was imported");
        }

        Buyer buyer = buyer(data.buyer(), warnings);
        Debtor debtor = match(buyer, warnings);
        boolean created = debtor == null;
        if (created) {
            debtor = ledger.createDebtor(new DebtorDraft(reference(data.buyer(), buyer), cut(buyer.name(), 200, "BT-44", warnings),
                    buyer.siren(), buyer.siret(), buyer.vat(), DebtorKind.B2B, buyer.address(), buyer.email(), null,
                    "FR".equals(buyer.address().country()) ? "fr" : "en", List.of()));
        }

        String paymentTerms = cut(data.paymentTerms(), 200, "BT-20", warnings);
        String po = cut(data.poReference() != null ? data.poReference() : data.buyerReference(), 100, "BT-13", warnings);
        UUID invoiceId = null;
        UUID creditNoteId = null;
        LocalDate dueDate = data.dueDate();
        BigDecimal open;
        if (data.creditNote()) {
            CreditNote note = ledger.issueCreditNote(new CreditNoteDraft(debtor.id(), data.number(), data.issueDate(),
                    data.currency(), net, data.taxTotal(), data.grandTotal()));
            creditNoteId = note.id();
            if (data.prepaid() != null && data.prepaid().signum() > 0) {
                warnings.add("BT-113 (paid amount) " + data.prepaid().toPlainString() + " on a credit note is not recorded:"
                        + " apply or refund the credit note in the ledger");
            }
            open = note.openAmount();
            if (data.precedingInvoice() != null) {
                var invoice = ledger.invoiceByNumber(data.precedingInvoice()).filter(i -> i.debtorId().equals(note.debtorId()));
                if (invoice.isPresent() && invoice.get().openAmount().signum() > 0 && invoice.get().currency().equals(note.currency())) {
                    BigDecimal amount = invoice.get().openAmount().min(note.amountInclTax());
                    ledger.applyCreditNote(note.id(), invoice.get().id(), amount, data.issueDate());
                    open = note.amountInclTax().subtract(amount);
                    warnings.add("Credit note applied to invoice " + data.precedingInvoice() + " (BT-25) for " + amount);
                } else {
                    warnings.add("Invoice " + data.precedingInvoice() + " (BT-25) is not an open invoice of this debtor: the credit note is left unapplied");
                }
            }
        } else {
            if (dueDate == null) {
                dueDate = dueDate(data.issueDate());
                warnings.add("BT-9 (payment due date) is absent: due date set to " + dueDate
                        + ", the latest lawful date under the terms of sale (C. com. L441-10 I)");
            }
            Invoice invoice = ledger.issueInvoice(new InvoiceDraft(debtor.id(), data.number(), data.issueDate(), dueDate,
                    paymentTerms, data.currency(), net, data.taxTotal(), data.grandTotal(), po));
            invoiceId = invoice.id();
            if (data.prepaid() != null && data.prepaid().signum() > 0) {
                ledger.recordPayment(new PaymentDraft(debtor.id(), data.issueDate(), data.prepaid(), data.currency(), PaymentMethod.OTHER,
                        "Déjà payé selon la facture " + data.number() + " (BT-113)",
                        List.of(new PaymentDraft.Share(invoice.id(), data.prepaid()))));
            }
            if (data.rounding() != null && data.rounding().signum() != 0 && !data.roundingInTotal()) {
                warnings.add("BT-114 (rounding amount) " + data.rounding() + " is not recorded: the amount due is BT-112 − BT-113");
            }
            open = ledger.invoice(invoice.id()).openAmount();
        }

        UUID documentId = UUID.randomUUID();
        boolean pdf = "FACTURX_PDF".equals(data.syntax());
        String safeName = fileName == null || fileName.isBlank() ? data.number() + (pdf ? ".pdf" : ".xml")
                : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        var meta = new DocumentStore.NewDocument(debtor.id(), invoiceId != null ? invoiceId : creditNoteId,
                DocumentKind.EINVOICE_RECEIVED, (data.creditNote() ? "Avoir " : "Facture ") + data.number() + " (" + data.syntax() + ")",
                data.number(), safeName, pdf ? "application/pdf" : "application/xml", null, data.issueDate(), dueDate,
                data.grandTotal(), false, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", data.number());
        details.put("syntax", data.syntax());
        details.put("profile", data.profile());
        details.put(data.creditNote() ? "creditNoteId" : "invoiceId", String.valueOf(invoiceId != null ? invoiceId : creditNoteId));
        details.put("debtorCreated", created);
        StoredDocument original = service.save(documentId, meta, content, details, "einvoice.imported");
        service.store().insertEInvoice(tenantId, invoiceId, creditNoteId, debtor.id(), documentId, data.syntax(), data.profile(),
                data.number(), data.seller() == null ? null : data.seller().name(),
                data.seller() == null ? null : Identifiers.compact(data.seller().vat()), Identifiers.compact(data.iban()),
                data.paymentMeansCode(), service.now(), TenantContext.actor());
        return new EInvoiceImport(data.syntax(), data.profile(), data.number(), invoiceId, creditNoteId, debtor.id(),
                debtor.legalName(), created, data.issueDate(), dueDate, data.currency(), net, data.taxTotal(),
                data.grandTotal(), data.creditNote() || data.prepaid() == null ? BigDecimal.ZERO : data.prepaid(), open, paymentTerms,
                Identifiers.compact(data.iban()), original.id(), original.sha256(), List.copyOf(warnings));
    }

    private static void checkSeller(Party seller, Tenant tenant) {
        Set<String> tenantIds = ids(tenant.vatNumber(), tenant.siren());
        String sellerVat = seller == null ? null : Identifiers.compact(seller.vat());
        Set<String> sellerIds = seller == null ? Set.of() : ids(sellerVat, siren(Identifiers.compact(seller.legalId())));
        if (!tenantIds.isEmpty() && !sellerIds.isEmpty() && sellerIds.stream().noneMatch(tenantIds::contains)) {
            throw new InvalidInputException(new FieldProblem(null, sellerVat != null ? "BT-31 (seller VAT identifier)"
                    : "BT-30 (seller legal registration identifier)", sellerVat != null ? seller.vat() : seller.legalId(),
                    "is not this tenant's (" + String.join(", ", tenantIds) + "): the invoice was issued by " + seller.name()
                            + ", and only invoices the tenant issued can be read into its receivables; nothing was imported"));
        }
    }

    private static Set<String> ids(String vat, String siren) {
        Set<String> ids = new LinkedHashSet<>();
        String v = Identifiers.compact(vat);
        if (v != null) {
            ids.add(v);
            if (FrenchIdentifiers.sirenOfVat(v) != null) {
                ids.add(FrenchIdentifiers.sirenOfVat(v));
            }
        }
        if (siren != null) {
            ids.add(siren);
        }
        return ids;
    }

    private static String siren(String legalId) {
        if (legalId == null) {
            return null;
        }
        if (legalId.matches("\\d{9}")) {
            return legalId;
        }
        return legalId.matches("\\d{14}") ? legalId.substring(0, 9) : null;
    }

    /** The buyer's identifiers as the ledger will accept them; invalid ones become warnings. */
    record Buyer(String name, String siren, String siret, String vat, Address address, String email) {
    }

    private static Buyer buyer(Party p, List<String> warnings) {
        String vat = Identifiers.compact(p.vat());
        if (vat != null && !FrenchIdentifiers.validVat(vat)) {
            warnings.add("Buyer VAT number " + p.vat() + " (BT-48) is not valid: not stored");
            vat = null;
        }
        String legal = Identifiers.compact(p.legalId());
        String siret = null;
        String siren = null;
        if (legal != null && legal.matches("\\d{14}")) {
            if (FrenchIdentifiers.validSiret(legal)) {
                siret = legal;
            } else {
                warnings.add("Buyer SIRET " + p.legalId() + " (BT-47) fails its check digit: not stored");
            }
            siren = legal.substring(0, 9);
        } else if (legal != null && legal.matches("\\d{9}")) {
            siren = legal;
        }
        if (siren == null && vat != null) {
            siren = FrenchIdentifiers.sirenOfVat(vat);
        }
        if (siren != null && !FrenchIdentifiers.validSiren(siren)) {
            warnings.add("Buyer SIREN " + siren + " fails its check digit: not stored");
            siren = null;
        }
        if (siret != null && (siren == null || !siret.startsWith(siren))) {
            siret = null;
        }
        String country = p.country() != null && p.country().matches("[A-Za-z]{2}") ? p.country().toUpperCase(Locale.ROOT) : "FR";
        String email = p.email() != null && p.email().contains("@") && p.email().length() <= 200 ? p.email() : null;
        return new Buyer(p.name(), siren, siret, vat, new Address(limit(p.line1()), limit(p.line2()), limit20(p.postcode()),
                p.city() == null ? null : p.city().length() > 100 ? p.city().substring(0, 100) : p.city(), country), email);
    }

    /** By SIREN, then VAT number, then exact name: the first debtor found (oldest), with a warning when several match. */
    private Debtor match(Buyer buyer, List<String> warnings) {
        for (var candidates : List.of(directory.bySiren(buyer.siren()), directory.byVatNumber(buyer.vat()),
                directory.byLegalName(buyer.name()))) {
            if (!candidates.isEmpty()) {
                if (candidates.size() > 1) {
                    warnings.add(candidates.size() + " debtors match the buyer; the invoice went to " + candidates.get(0).reference());
                }
                return candidates.get(0);
            }
        }
        return null;
    }

    private String reference(Party party, Buyer buyer) {
        List<String> candidates = new ArrayList<>();
        if (party.id() != null && party.id().matches("[A-Za-z0-9._-]{1,60}")) {
            candidates.add(party.id());
        }
        String base = "EF-" + (buyer.siren() != null ? buyer.siren() : buyer.vat() != null ? buyer.vat()
                : DocumentStore.sha256(buyer.name()).substring(0, 8).toUpperCase(Locale.ROOT));
        candidates.add(base);
        for (int i = 2; i < 100; i++) {
            candidates.add(base + "-" + i);
        }
        return candidates.stream().filter(r -> ledger.debtorByReference(r).isEmpty()).findFirst()
                .orElseThrow(() -> new ConflictException("No free debtor reference for " + buyer.name()));
    }

    /** The latest due date the tenant's agreed payment term allows (C. com. L441-10 I). */
    private LocalDate dueDate(LocalDate issueDate) {
        PaymentTermVerdict verdict = new LatePaymentLaw(penalties.rates()).checkPaymentTerm(PaymentTermCheck.of(issueDate,
                issueDate, penalties.termsOfSale(null).agreedTerm(), DebtorCategory.PROFESSIONAL));
        return verdict.limitDate() != null ? verdict.limitDate() : issueDate.plusDays(30);
    }

    private static String cut(String value, int max, String term, List<String> warnings) {
        if (value == null || value.length() <= max) {
            return value;
        }
        warnings.add(term + " is longer than " + max + " characters: shortened");
        return value.substring(0, max);
    }

    private static String limit(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String limit20(String s) {
        return s == null ? null : s.length() > 20 ? s.substring(0, 20) : s;
    }
}
