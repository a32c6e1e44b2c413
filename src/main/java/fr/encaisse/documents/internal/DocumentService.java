package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.documents.DocumentAsset;
import fr.encaisse.documents.DocumentContent;
import fr.encaisse.documents.DocumentGenerated;
import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.DocumentRenderingException;
import fr.encaisse.documents.DocumentTemplate;
import fr.encaisse.documents.Documents;
import fr.encaisse.documents.DossierRequest;
import fr.encaisse.documents.EInvoiceImport;
import fr.encaisse.documents.LetterRequest;
import fr.encaisse.documents.StoredDocument;
import fr.encaisse.documents.internal.TemplateEngine.TemplateException;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents module's commands. Rendering (slow, CPU-bound) happens before any transaction;
 * storing a document, its evidence entry and its event then commit together in a short one.
 */
@Service
class DocumentService implements Documents {

    static final int DEFAULT_DEADLINE_DAYS = 8;
    private static final int MAX_TEMPLATE_CHARS = 200_000;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private final Ledger ledger;
    private final Penalties penalties;
    private final Evidence evidence;
    private final Tenants tenants;
    private final ClaimCalculator claims;
    private final DocumentStore store;
    private final TemplateStore templates;
    private final DocumentRenderer renderer;
    private final FacturXWriter facturX;
    private final EInvoiceImporter importer;
    private final DossierBuilder dossiers;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    DocumentService(Ledger ledger, Penalties penalties, Evidence evidence, Tenants tenants, ClaimCalculator claims,
                    DocumentStore store, TemplateStore templates, DocumentRenderer renderer, FacturXWriter facturX,
                    EInvoiceImporter importer, DossierBuilder dossiers, ApplicationEventPublisher events, JsonMapper json,
                    Clock clock, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.penalties = penalties;
        this.evidence = evidence;
        this.tenants = tenants;
        this.claims = claims;
        this.store = store;
        this.templates = templates;
        this.renderer = renderer;
        this.facturX = facturX;
        this.importer = importer;
        this.dossiers = dossiers;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    private static UUID tenant() {
        return TenantContext.tenantId();
    }

    private <T> T write(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    private <T> T read(Supplier<T> work) {
        return readOnly.execute(s -> work.get());
    }

    // ---- letters

    /** A letter rendered and ready to store. */
    record Composed(UUID id, Debtor debtor, DocumentStore.NewDocument meta, byte[] pdf, Claim claim) {
    }

    @Override
    public StoredDocument generateLetter(LetterRequest request) {
        Composed letter = composeLetter(request);
        return write(() -> save(letter.id(), letter.meta(), letter.pdf(), letterDetails(letter)));
    }

    @Override
    public DocumentContent previewLetter(LetterRequest request) {
        Composed letter = composeLetter(request);
        return new DocumentContent(letter.meta().fileName(), "application/pdf", DocumentStore.sha256(letter.pdf()), letter.pdf());
    }

    private Composed composeLetter(LetterRequest request) {
        if (request == null || request.debtorId() == null) {
            throw InvalidInputException.of("debtorId", "is required");
        }
        DocumentKind kind = request.kind();
        if (kind == null || !kind.isLetter()) {
            throw InvalidInputException.of("kind", "must be REMINDER_1, REMINDER_2 or FORMAL_NOTICE");
        }
        UUID tenantId = tenant();
        Debtor debtor = ledger.debtor(request.debtorId());
        LocalDate today = tenants.today(tenantId);
        LocalDate date = request.date() == null ? today : request.date();
        if (date.isAfter(today)) {
            throw new InvalidInputException(FieldProblem.of("date", date.toString(), "is after today: a letter cannot be dated in the future"));
        }
        String language = language(request.language(), debtor);
        Integer days = request.deadlineDays() != null ? request.deadlineDays()
                : kind == DocumentKind.REMINDER_1 ? null : DEFAULT_DEADLINE_DAYS;
        if (days != null && (days < 1 || days > 90)) {
            throw new InvalidInputException(FieldProblem.of("deadlineDays", String.valueOf(days), "must be between 1 and 90"));
        }
        LocalDate deadline = days == null ? null : date.plusDays(days);
        Claim claim = claims.compute(debtor.id(), date);
        Tenant tenant = tenants.get(tenantId);
        Formats f = Formats.of(language);
        UUID id = UUID.randomUUID();
        String reference = reference(code(kind), date, debtor, id);
        String title = title(kind, language);
        LocalDate oldestDue = claim.lines().stream().map(l -> l.invoice().dueDate()).min(LocalDate::compareTo).orElse(date);
        List<StoredDocument> previous = store.ofDebtor(tenantId, debtor.id()).stream()
                .filter(d -> d.kind().isLetter() && d.kind().ordinal() < kind.ordinal())
                .filter(d -> !d.documentDate().isAfter(date) && !d.documentDate().isBefore(oldestDue))
                .sorted((a, b) -> a.documentDate().compareTo(b.documentDate())).toList();
        boolean registered = kind == DocumentKind.FORMAL_NOTICE;
        Map<String, Object> model = m("tenant", Models.tenant(tenant, logo(tenantId)), "debtor", Models.debtor(debtor, language),
                "document", Models.document(title, reference, date, tenant.city(), registered, language, f),
                "claim", Models.claim(claim, f), "letter", LetterModels.letter(deadline, days, Models.letters(previous, f), f));
        byte[] pdf = renderer.pdf(tenantId, template(kind), language, model);
        var meta = new DocumentStore.NewDocument(debtor.id(), null, kind, title + " – " + debtor.legalName(), reference,
                reference + ".pdf", "application/pdf", language, date, deadline, claim.total(), registered, null);
        return new Composed(id, debtor, meta, pdf, claim);
    }

    private Map<String, Object> letterDetails(Composed letter) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("invoices", letter.claim().lines().stream().map(l -> l.invoice().number()).toList());
        d.put("principal", letter.claim().principal());
        d.put("interest", letter.claim().interest());
        d.put("indemnity", letter.claim().indemnity());
        d.put("rates", letter.claim().rates().name());
        return d;
    }

    static String code(DocumentKind kind) {
        return switch (kind) {
            case REMINDER_1 -> "R1";
            case REMINDER_2 -> "R2";
            case FORMAL_NOTICE -> "MED";
            case FACTURX_INVOICE -> "FX";
            case INVOICE_COPY -> "FC";
            case EINVOICE_RECEIVED -> "EF";
            case RECOVERY_DOSSIER -> "DOS";
        };
    }

    static String reference(String code, LocalDate date, Debtor debtor, UUID id) {
        String ref = debtor.reference().replaceAll("[^A-Za-z0-9-]", "");
        if (ref.length() > 20) {
            ref = ref.substring(0, 20);
        }
        return code + "-" + COMPACT.format(date) + "-" + ref + "-" + id.toString().substring(0, 4).toUpperCase(Locale.ROOT);
    }

    private static String title(DocumentKind kind, String language) {
        boolean fr = !"en".equals(language);
        return switch (kind) {
            case REMINDER_1 -> fr ? "Relance n° 1" : "First reminder";
            case REMINDER_2 -> fr ? "Relance n° 2" : "Second reminder";
            case FORMAL_NOTICE -> fr ? "Mise en demeure" : "Formal notice";
            default -> kind.name();
        };
    }

    private static TemplateName template(DocumentKind kind) {
        return switch (kind) {
            case REMINDER_1 -> TemplateName.REMINDER_1;
            case REMINDER_2 -> TemplateName.REMINDER_2;
            case FORMAL_NOTICE -> TemplateName.FORMAL_NOTICE;
            default -> throw new IllegalArgumentException(kind + " is not a letter");
        };
    }

    static String language(String requested, Debtor debtor) {
        String language = requested != null ? requested.toLowerCase(Locale.ROOT) : debtor.language();
        if (language == null) {
            return "fr";
        }
        if (!TemplateName.LANGUAGES.contains(language)) {
            throw new InvalidInputException(FieldProblem.of("language", requested, "must be fr or en"));
        }
        return language;
    }

    DocumentStore.Asset logo(UUID tenantId) {
        return store.asset(tenantId, DocumentAsset.LOGO.key()).orElse(null);
    }

    /** Stores a rendered document with its evidence entry and event; runs inside the caller's transaction. */
    StoredDocument save(UUID id, DocumentStore.NewDocument meta, byte[] bytes, Map<String, Object> extra) {
        return save(id, meta, bytes, extra, "document.generated");
    }

    StoredDocument save(UUID id, DocumentStore.NewDocument meta, byte[] bytes, Map<String, Object> extra, String action) {
        UUID tenantId = tenant();
        StoredDocument saved = store.insert(tenantId, id, meta, bytes, OffsetDateTime.now(clock), TenantContext.actor());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", saved.id().toString());
        details.put("kind", saved.kind().name());
        details.put("title", saved.title());
        details.put("reference", saved.reference());
        details.put("sha256", saved.sha256());
        details.put("size", saved.size());
        details.put("date", saved.documentDate().toString());
        if (saved.invoiceId() != null) {
            details.put("invoiceId", saved.invoiceId().toString());
        }
        if (saved.deadline() != null) {
            details.put("deadline", saved.deadline().toString());
        }
        if (saved.amountClaimed() != null) {
            details.put("amountClaimed", saved.amountClaimed());
        }
        if (saved.registeredMail() != null) {
            details.put("registeredMail", true);
        }
        details.putAll(extra);
        UUID subject = saved.debtorId() != null ? saved.debtorId() : tenantId;
        evidence.record(saved.debtorId() != null ? "DEBTOR" : "TENANT", subject, action, json.writeValueAsString(details));
        events.publishEvent(new DocumentGenerated(tenantId, saved.id(), saved.debtorId(), saved.invoiceId(), saved.kind(), saved.sha256()));
        return saved;
    }

    // ---- registered mail

    @Override
    public StoredDocument recordPosting(UUID documentId, String trackingNumber, LocalDate postedOn) {
        String tracking = LrarRules.requirePosting(trackingNumber, postedOn);
        return write(() -> {
            UUID tenantId = tenant();
            StoredDocument d = document(documentId);
            if (!d.kind().isLetter()) {
                throw new ConflictException("Only letters are sent by registered mail; " + d.reference() + " is a " + d.kind());
            }
            check(postedOn, d.documentDate(), "postedOn", "the letter's date");
            if (d.registeredMail() != null && d.registeredMail().trackingNumber() != null) {
                if (d.registeredMail().trackingNumber().equals(tracking) && postedOn.equals(d.registeredMail().postedOn())) {
                    return d;
                }
                throw new ConflictException("Letter " + d.reference() + " is already recorded as posted on "
                        + d.registeredMail().postedOn() + " under " + d.registeredMail().trackingNumber());
            }
            store.posted(tenantId, documentId, tracking, postedOn);
            evidence.record("DEBTOR", d.debtorId(), "registered-mail.posted", json.writeValueAsString(Map.of(
                    "documentId", documentId.toString(), "reference", d.reference(), "sha256", d.sha256(),
                    "trackingNumber", tracking, "postedOn", postedOn.toString())));
            return document(documentId);
        });
    }

    @Override
    public StoredDocument recordAcknowledgement(UUID documentId, LocalDate receivedOn) {
        if (receivedOn == null) {
            throw InvalidInputException.of("receivedOn", "is required");
        }
        return write(() -> {
            StoredDocument d = document(documentId);
            if (d.registeredMail() == null || d.registeredMail().postedOn() == null) {
                throw new ConflictException("Letter " + d.reference() + " has no recorded posting: record the tracking number first");
            }
            check(receivedOn, d.registeredMail().postedOn(), "receivedOn", "the posting date");
            if (d.registeredMail().acknowledgedOn() != null) {
                if (d.registeredMail().acknowledgedOn().equals(receivedOn)) {
                    return d;
                }
                throw new ConflictException("Letter " + d.reference() + " is already recorded as received on " + d.registeredMail().acknowledgedOn());
            }
            store.acknowledged(tenant(), documentId, receivedOn);
            evidence.record("DEBTOR", d.debtorId(), "registered-mail.acknowledged", json.writeValueAsString(Map.of(
                    "documentId", documentId.toString(), "reference", d.reference(), "sha256", d.sha256(),
                    "trackingNumber", d.registeredMail().trackingNumber(), "receivedOn", receivedOn.toString())));
            return document(documentId);
        });
    }

    private void check(LocalDate date, LocalDate notBefore, String field, String what) {
        LrarRules.check(date, notBefore, tenants.today(tenant()), field, what);
    }

    // ---- Factur-X

    @Override
    public StoredDocument facturX(UUID invoiceId) {
        UUID tenantId = tenant();
        Invoice invoice = ledger.invoice(invoiceId);
        List<StoredDocument> received = read(() -> store.ofInvoice(tenantId, invoiceId, DocumentKind.EINVOICE_RECEIVED));
        for (StoredDocument original : received) {
            if ("application/pdf".equals(original.mediaType())) {
                return original;
            }
        }
        Debtor debtor = ledger.debtor(invoice.debtorId());
        Tenant tenant = tenants.get(tenantId);
        TermsOfSale terms = penalties.termsOfSale(debtor.id());
        String language = language(null, debtor);
        DocumentStore.Asset logo = logo(tenantId);
        String fingerprint = DocumentStore.sha256(json.writeValueAsString(List.of(invoice, debtor, tenant, terms, language,
                logo == null ? "" : logo.sha256(),
                templates.source(tenantId, TemplateName.INVOICE.key(), language),
                templates.source(tenantId, TemplateName.LETTER_HEADER.key(), language),
                templates.source(tenantId, TemplateName.LETTER_STYLE.key(), language))));
        var existing = read(() -> store.byFingerprint(tenantId, invoiceId, DocumentKind.FACTURX_INVOICE, fingerprint));
        if (existing.isPresent()) {
            return existing.get();
        }
        Formats f = Formats.of(language);
        InvoiceModels.Line line = InvoiceModels.line(invoice, f);
        String title = ("en".equals(language) ? "Invoice " : "Facture ") + invoice.number();
        Map<String, Object> model = m("tenant", Models.tenant(tenant, logo), "debtor", Models.debtor(debtor, language),
                "document", Models.document(title, invoice.number(), invoice.issueDate(), tenant.city(), false, language, f),
                "invoice", InvoiceModels.invoice(invoice, terms, debtor.kind(), f));
        byte[] visual = renderer.pdf(tenantId, TemplateName.INVOICE, language, model);
        Formats fr = Formats.of("fr");
        byte[] pdf = facturX.write(visual, tenant, debtor, invoice, line, new FacturXWriter.Mentions(
                InvoiceModels.penaltyNote(terms, debtor.kind(), fr), InvoiceModels.indemnityNote(debtor.kind(), fr),
                InvoiceModels.discountNote(fr)));
        EInvoiceReader.Data written = EInvoiceReader.read(invoice.number() + ".pdf", pdf);
        if (written.grandTotal().compareTo(invoice.amountInclTax()) != 0 || written.taxTotal().compareTo(invoice.vatAmount()) != 0) {
            throw new InvalidInputException(FieldProblem.of("vatAmount", invoice.vatAmount().toPlainString(),
                    "does not match the VAT computed on the line (" + written.taxTotal() + "): the Factur-X would disagree with the ledger"));
        }
        var meta = new DocumentStore.NewDocument(debtor.id(), invoiceId, DocumentKind.FACTURX_INVOICE, title + " (Factur-X)",
                invoice.number(), "facturx-" + invoice.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", "application/pdf",
                language, invoice.issueDate(), invoice.dueDate(), invoice.amountInclTax(), false, fingerprint);
        return write(() -> save(UUID.randomUUID(), meta, pdf, Map.of("invoiceNumber", invoice.number(),
                "profile", FacturXWriter.PROFILE)));
    }

    /** The invoice as Factur-X, or else a plain copy rendered from the ledger (an invoice with several VAT rates). */
    StoredDocument facturXOrCopy(UUID invoiceId) {
        try {
            return facturX(invoiceId);
        } catch (InvalidInputException e) {
            return invoiceCopy(invoiceId, e.getMessage());
        }
    }

    private StoredDocument invoiceCopy(UUID invoiceId, String why) {
        UUID tenantId = tenant();
        Invoice invoice = ledger.invoice(invoiceId);
        Debtor debtor = ledger.debtor(invoice.debtorId());
        Tenant tenant = tenants.get(tenantId);
        String language = language(null, debtor);
        Formats f = Formats.of(language);
        String title = ("en".equals(language) ? "Invoice " : "Facture ") + invoice.number();
        Map<String, Object> model = m("tenant", Models.tenant(tenant, logo(tenantId)), "debtor", Models.debtor(debtor, language),
                "document", Models.document(title, invoice.number(), invoice.issueDate(), tenant.city(), false, language, f),
                "invoice", InvoiceModels.copy(invoice, penalties.termsOfSale(debtor.id()), debtor.kind(), f));
        byte[] pdf = renderer.pdf(tenantId, TemplateName.INVOICE, language, model);
        var meta = new DocumentStore.NewDocument(debtor.id(), invoiceId, DocumentKind.INVOICE_COPY, title + " (copie)",
                invoice.number(), "facture-" + invoice.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", "application/pdf",
                language, invoice.issueDate(), invoice.dueDate(), invoice.amountInclTax(), false, null);
        return write(() -> save(UUID.randomUUID(), meta, pdf, Map.of("invoiceNumber", invoice.number(), "notFacturX", why)));
    }

    // ---- e-invoices in

    @Override
    public EInvoiceImport importEInvoice(String fileName, byte[] content) {
        EInvoiceReader.Data data = EInvoiceReader.read(fileName == null ? "file" : fileName, content);
        return write(() -> importer.apply(data, fileName, content, this));
    }

    // ---- recovery dossier

    @Override
    public StoredDocument recoveryDossier(DossierRequest request) {
        DossierBuilder.Built built = dossiers.build(request, this);
        return write(() -> save(built.id(), built.meta(), built.zip(), built.details()));
    }

    // ---- reads

    @Override
    public StoredDocument document(UUID documentId) {
        return read(() -> store.find(tenant(), documentId)).orElseThrow(() -> new NotFoundException("Document", documentId));
    }

    @Override
    public DocumentContent content(UUID documentId) {
        StoredDocument d = document(documentId);
        byte[] bytes = read(() -> store.content(tenant(), d.sha256())).orElseThrow(() -> new NotFoundException("Document", documentId));
        return new DocumentContent(d.fileName(), d.mediaType(), d.sha256(), bytes);
    }

    @Override
    public List<StoredDocument> ofDebtor(UUID debtorId) {
        ledger.debtor(debtorId);
        return read(() -> store.ofDebtor(tenant(), debtorId));
    }

    // ---- templates

    @Override
    public List<DocumentTemplate> templates() {
        UUID tenantId = tenant();
        List<DocumentTemplate> list = new ArrayList<>();
        for (TemplateName name : TemplateName.values()) {
            for (String language : TemplateName.LANGUAGES) {
                if ("en".equals(language) && isFrenchOnly(name)) {
                    continue;
                }
                var custom = read(() -> templates.custom(tenantId, name.key(), language));
                list.add(new DocumentTemplate(name.key(), language, name.description(), null, custom.isPresent(),
                        custom.map(TemplateStore.Custom::updatedAt).orElse(null), custom.map(TemplateStore.Custom::updatedBy).orElse(null),
                        List.of()));
            }
        }
        return list;
    }

    @Override
    public DocumentTemplate template(String name, String language) {
        TemplateName t = templateName(name);
        String lang = templateLanguage(t, language);
        var custom = read(() -> templates.custom(tenant(), t.key(), lang));
        return new DocumentTemplate(t.key(), lang, t.description(),
                custom.map(TemplateStore.Custom::content).orElseGet(() -> templates.bundled(t.key(), lang)), custom.isPresent(),
                custom.map(TemplateStore.Custom::updatedAt).orElse(null), custom.map(TemplateStore.Custom::updatedBy).orElse(null),
                SampleModels.fields(t.model() == TemplateName.ModelKind.ANY ? TemplateName.ModelKind.LETTER : t.model()));
    }

    @Override
    public DocumentTemplate saveTemplate(String name, String language, String content) {
        TemplateName t = templateName(name);
        String lang = templateLanguage(t, language);
        check(t, lang, content);
        write(() -> {
            templates.save(tenant(), t.key(), lang, content, OffsetDateTime.now(clock), TenantContext.actor());
            evidence.record("TENANT", tenant(), "document-template.updated", json.writeValueAsString(Map.of(
                    "name", t.key(), "language", lang, "sha256", DocumentStore.sha256(content))));
            return null;
        });
        return template(t.key(), lang);
    }

    @Override
    public void resetTemplate(String name, String language) {
        TemplateName t = templateName(name);
        String lang = templateLanguage(t, language);
        write(() -> {
            if (templates.delete(tenant(), t.key(), lang)) {
                evidence.record("TENANT", tenant(), "document-template.reset", json.writeValueAsString(Map.of(
                        "name", t.key(), "language", lang)));
            }
            return null;
        });
    }

    @Override
    public DocumentContent previewTemplate(String name, String language, String contentOrNull) {
        TemplateName t = templateName(name);
        String lang = templateLanguage(t, language);
        Map<String, String> overrides = contentOrNull == null ? Map.of() : Map.of(t.key(), contentOrNull);
        if (contentOrNull != null) {
            syntax(t, contentOrNull);
        }
        TemplateName shown = t.partial() ? TemplateName.REMINDER_1 : t;
        try {
            byte[] pdf = renderer.pdf(renderer.html(tenant(), shown.key(), lang, SampleModels.model(shown.model(), lang), overrides));
            return new DocumentContent("preview-" + t.key() + "-" + lang + ".pdf", "application/pdf", DocumentStore.sha256(pdf), pdf);
        } catch (DocumentRenderingException e) {
            throw templateProblem(shown, e.getMessage(), e.line());
        }
    }

    /** A template is saved only if every document using it still renders with example data. */
    private void check(TemplateName t, String language, String content) {
        syntax(t, content);
        Map<String, String> overrides = Map.of(t.key(), content);
        for (TemplateName document : TemplateName.values()) {
            if (document.partial() || (!t.partial() && document != t) || ("en".equals(language) && isFrenchOnly(document))) {
                continue;
            }
            try {
                renderer.pdf(renderer.html(tenant(), document.key(), language, SampleModels.model(document.model(), language), overrides));
            } catch (DocumentRenderingException e) {
                throw templateProblem(document, e.getMessage(), e.line());
            }
        }
    }

    private static boolean isFrenchOnly(TemplateName t) {
        return TemplateName.class.getResource("/templates/documents/" + t.key() + ".en.html") == null
                && TemplateName.class.getResource("/templates/documents/" + t.key() + ".html") == null;
    }

    private static void syntax(TemplateName t, String content) {
        if (content == null || content.isBlank()) {
            throw InvalidInputException.of("content", "is empty");
        }
        if (content.length() > MAX_TEMPLATE_CHARS) {
            throw InvalidInputException.of("content", "is longer than " + MAX_TEMPLATE_CHARS + " characters");
        }
        String lower = content.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype") || lower.contains("<!entity")) {
            throw InvalidInputException.of("content", "must not declare a DOCTYPE or entities (XHTML without DTD)");
        }
        java.util.regex.Matcher external = EXTERNAL.matcher(content);
        if (external.find()) {
            throw templateProblem(t, "refers to an external resource ('" + external.group().trim() + "'): a document may only"
                    + " show the tenant's logo ({{tenant.logo}}) and data: images", lineOf(content, external.start()));
        }
        try {
            TemplateEngine.parse(t.key(), content);
        } catch (TemplateException e) {
            throw templateProblem(t, e.getMessage(), e.line());
        }
        if (t != TemplateName.LETTER_STYLE) {
            String xml = t.partial() ? "<fragment>" + content + "</fragment>" : content;
            try {
                SafeXml.documentBuilder(false).parse(new InputSource(new StringReader(xml)));
            } catch (SAXParseException e) {
                throw templateProblem(t, "is not well-formed XHTML: " + e.getMessage(), e.getLineNumber());
            } catch (org.xml.sax.SAXException | IOException e) {
                throw templateProblem(t, "is not well-formed XHTML: " + e.getMessage(), null);
            }
        } else if (content.contains("<") || content.contains("&")) {
            throw templateProblem(t, "is CSS and may not contain '<' or '&'", null);
        }
    }

    /** Links, style sheets, frames and URLs a renderer would fetch; {{tenant.logo}} and data: URIs are the exceptions. */
    private static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile(
            "(?i)(\\b(src|href|xlink:href|data|background)\\s*=\\s*[\"'](?!\\{\\{|data:|#))|url\\s*\\((?!\\s*[\"']?data:)|@import|<\\s*(link|object|embed|iframe|frame|base|script)\\b");

    private static int lineOf(String content, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static InvalidInputException templateProblem(TemplateName t, String message, Integer line) {
        return new InvalidInputException("Template " + t.key() + ": " + message,
                List.of(new FieldProblem(line, "content", t.key(), message)));
    }

    private static TemplateName templateName(String name) {
        return TemplateName.of(name).orElseThrow(() -> new NotFoundException("Template", name));
    }

    private static String templateLanguage(String language) {
        if (language == null || !TemplateName.LANGUAGES.contains(language)) {
            throw new InvalidInputException(FieldProblem.of("language", language, "must be fr or en"));
        }
        return language;
    }

    private static String templateLanguage(TemplateName t, String language) {
        String lang = templateLanguage(language);
        if ("en".equals(lang) && isFrenchOnly(t)) {
            throw new InvalidInputException(FieldProblem.of("language", language,
                    "template " + t.key() + " exists in French only: it is addressed to a French court or commissaire de justice"));
        }
        return lang;
    }

    // ---- assets

    @Override
    public void setAsset(DocumentAsset asset, String mediaType, byte[] content) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "is empty");
        }
        String type = switch (asset) {
            case LOGO -> logoType(content);
            case TERMS_OF_SALE -> pdfType(content);
        };
        write(() -> {
            store.putAsset(tenant(), asset.key(), type, content, OffsetDateTime.now(clock));
            evidence.record("TENANT", tenant(), "document-asset.updated", json.writeValueAsString(Map.of(
                    "asset", asset.key(), "mediaType", type, "sha256", DocumentStore.sha256(content), "size", content.length)));
            return null;
        });
    }

    private static String logoType(byte[] content) {
        if (content.length > 1024 * 1024) {
            throw InvalidInputException.of("file", "a logo must not exceed 1 MB");
        }
        boolean png = content.length > 8 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G';
        boolean jpeg = content.length > 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF;
        if (!png && !jpeg) {
            throw InvalidInputException.of("file", "a logo must be a PNG or JPEG image");
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(content)) == null) {
                throw InvalidInputException.of("file", "the image cannot be read");
            }
        } catch (IOException e) {
            throw InvalidInputException.of("file", "the image cannot be read: " + e.getMessage());
        }
        return png ? "image/png" : "image/jpeg";
    }

    private static String pdfType(byte[] content) {
        if (content.length > 20 * 1024 * 1024) {
            throw InvalidInputException.of("file", "the terms of sale must not exceed 20 MB");
        }
        try (var doc = Loader.loadPDF(content)) {
            if (doc.getNumberOfPages() == 0) {
                throw InvalidInputException.of("file", "the PDF has no page");
            }
        } catch (IOException e) {
            throw InvalidInputException.of("file", "the terms of sale must be a readable PDF (" + e.getMessage() + ")");
        }
        return "application/pdf";
    }

    @Override
    public void removeAsset(DocumentAsset asset) {
        write(() -> {
            if (store.removeAsset(tenant(), asset.key())) {
                evidence.record("TENANT", tenant(), "document-asset.removed", json.writeValueAsString(Map.of("asset", asset.key())));
            }
            return null;
        });
    }

    // ---- for the importer and the dossier builder

    DocumentStore store() {
        return store;
    }

    Evidence evidence() {
        return evidence;
    }

    JsonMapper json() {
        return json;
    }

    DocumentRenderer renderer() {
        return renderer;
    }

    ClaimCalculator claims() {
        return claims;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
