package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.documents.DocumentAsset;
import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.DossierRequest;
import fr.encaisse.documents.RecoveryProcedure;
import fr.encaisse.documents.StoredDocument;
import fr.encaisse.documents.internal.DossierModels.Facts;
import fr.encaisse.documents.internal.DossierModels.FileEntry;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.evidence.EvidenceEntry;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.penalties.Penalties;
import fr.encaisse.shared.Amounts;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import fr.encaisse.tenancy.Tenant;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The judicial recovery dossier of a debtor, as one ZIP: the pre-filled request for an
 * injonction de payer (CPC 1405 to 1425) or, for the small-claims procedure (CPCE L125-1, claims of
 * at most €5,000 in principal and interest), the cover letter to the commissaire de justice; the
 * invoices (the Factur-X received, else one written by Encaisse); the terms of sale; the reminders
 * and formal notices written here and those the dunning run sent through the outbox, byte for byte;
 * the chronology of the evidence journal (PDF and CSV, entry for entry); the delivery proofs; an index with every file's SHA-256 and a {@code manifest-sha256.txt}.
 */
@Component
class DossierBuilder {

    static final BigDecimal SMALL_CLAIMS_CEILING = new BigDecimal("5000.00");
    private static final String EXHIBIT = "#";

    private final Ledger ledger;
    private final Penalties penalties;
    private final Evidence evidence;
    private final Tenants tenants;
    private final SentMessages sentMessages;

    DossierBuilder(Ledger ledger, Penalties penalties, Evidence evidence, Tenants tenants, SentMessages sentMessages) {
        this.ledger = ledger;
        this.penalties = penalties;
        this.evidence = evidence;
        this.tenants = tenants;
        this.sentMessages = sentMessages;
    }

    record Built(UUID id, DocumentStore.NewDocument meta, byte[] zip, Map<String, Object> details) {
    }

    Built build(DossierRequest request, DocumentService service) {
        if (request == null || request.debtorId() == null) {
            throw InvalidInputException.of("debtorId", "is required");
        }
        if (request.procedure() == null) {
            throw InvalidInputException.of("procedure", "is required (INJONCTION_DE_PAYER or SMALL_CLAIMS)");
        }
        UUID tenantId = TenantContext.tenantId();
        Debtor debtor = ledger.debtor(request.debtorId());
        LocalDate today = tenants.today(tenantId);
        LocalDate date = request.date() == null ? today : request.date();
        if (date.isAfter(today)) {
            throw new InvalidInputException(FieldProblem.of("date", date.toString(), "is after today"));
        }
        if (debtor.kind() == DebtorKind.PUBLIC) {
            throw new ConflictException("Debtor " + debtor.reference() + " is a public-sector buyer: public entities cannot be"
                    + " ordered to pay by injonction de payer nor pursued through the small-claims procedure; the route is"
                    + " the administrative court (référé-provision, CJA R541-1)");
        }
        Claim claim = service.claims().compute(debtor.id(), date);
        BigDecimal costs = request.costs() == null ? null : Amounts.inCurrency(request.costs(), claim.currency(), "costs");
        if (costs != null && costs.signum() < 0) {
            throw new InvalidInputException(FieldProblem.of("costs", costs.toPlainString(), "must not be negative"));
        }
        if (request.procedure() == RecoveryProcedure.SMALL_CLAIMS && claim.principalAndInterest().compareTo(SMALL_CLAIMS_CEILING) > 0) {
            throw new ConflictException("The claim on " + debtor.reference() + " is " + claim.principalAndInterest()
                    + " in principal and interest: the small-claims procedure (CPCE L125-1, R125-1) is for claims up to "
                    + SMALL_CLAIMS_CEILING + "; use the injonction de payer");
        }

        Tenant tenant = tenants.get(tenantId);
        Formats f = Formats.of("fr");
        UUID id = UUID.randomUUID();
        String reference = DocumentService.reference("DOS", date, debtor, id);
        DocumentStore store = service.store();
        DocumentRenderer renderer = service.renderer();
        DocumentStore.Asset logo = service.logo(tenantId);

        // The files that support the claim, numbered as exhibits.
        Map<String, byte[]> files = new TreeMap<>();
        List<FileEntry> entries = new ArrayList<>();
        for (Claim.Line line : claim.lines()) {
            StoredDocument invoice = service.facturXOrCopy(line.invoice().id());
            String path = "02-factures/" + safe(line.invoice().number()) + extension(invoice.mediaType());
            files.put(path, service.content(invoice.id()).bytes());
            entries.add(new FileEntry(EXHIBIT, path, "Facture " + line.invoice().number() + " du "
                    + f.date(line.invoice().issueDate()) + (invoice.kind() == DocumentKind.FACTURX_INVOICE ? " (Factur-X)" : ""),
                    invoice.sha256()));
            List<StoredDocument> xmlOriginals = store.ofInvoice(tenantId, line.invoice().id(), DocumentKind.EINVOICE_RECEIVED).stream()
                    .filter(d -> !"application/pdf".equals(d.mediaType())).toList();
            for (StoredDocument xml : xmlOriginals) {
                String xmlPath = "02-factures/" + safe(line.invoice().number()) + "-original.xml";
                files.put(xmlPath, service.content(xml.id()).bytes());
                entries.add(new FileEntry(EXHIBIT, xmlPath, "Facture électronique " + line.invoice().number()
                        + " telle que reçue", xml.sha256()));
            }
        }
        var termsAsset = store.asset(tenantId, DocumentAsset.TERMS_OF_SALE.key());
        if (termsAsset.isPresent()) {
            files.put("03-conditions-generales-de-vente.pdf", termsAsset.get().bytes());
            entries.add(new FileEntry(EXHIBIT, "03-conditions-generales-de-vente.pdf",
                    "Conditions générales de vente", termsAsset.get().sha256()));
        }
        List<StoredDocument> letters = store.ofDebtor(tenantId, debtor.id()).stream().filter(d -> d.kind().isLetter())
                .sorted(Comparator.comparing(StoredDocument::documentDate).thenComparing(StoredDocument::createdAt)).toList();
        for (StoredDocument letter : letters) {
            String path = "04-relances/" + letter.documentDate() + "_" + safe(letter.reference()) + ".pdf";
            files.put(path, service.content(letter.id()).bytes());
            entries.add(new FileEntry(EXHIBIT, path, letter.title() + " du " + f.date(letter.documentDate()),
                    letter.sha256()));
        }
        List<EvidenceEntry> chronology = chronology(debtor, claim);
        // What the dunning run sent, byte for byte, each verified against its journal entry.
        SentMessages.Found messages = sentMessages.of(debtor.id(), chronology);
        for (SentMessages.Sent sent : messages.sent()) {
            files.put(sent.path(), sent.content());
            entries.add(new FileEntry(EXHIBIT, sent.path(), SentMessages.stepTitle(sent.message().template()) + " – "
                    + SentMessages.channelLabel(sent.message().channel()) + " du " + f.date(sent.message().asOf()) + " à "
                    + sent.message().recipient() + " (contenu exact envoyé)", sent.sha256()));
        }
        Facts base = new Facts(request.procedure(), date, costs, request.costsDescription(), request.commissaireDeJustice(),
                entries, chronology, letters, messages, penalties.termsOfSale(debtor.id()), termsAsset.isPresent(), tenant.timeZone());
        Map<String, Object> model = m("tenant", Models.tenant(tenant, logo), "debtor", Models.debtor(debtor, "fr"),
                "document", Models.document("Dossier de recouvrement", reference, date, tenant.city(), false, "fr", f),
                "claim", Models.claim(claim, f), "dossier", DossierModels.dossier(claim, base, f));

        byte[] terms = renderer.pdf(tenantId, TemplateName.PAYMENT_TERMS, "fr", model);
        add(files, entries, "03-conditions-de-paiement.pdf", terms, EXHIBIT, "Conditions de paiement et de pénalités paramétrées");
        byte[] chronologyPdf = renderer.pdf(tenantId, TemplateName.CHRONOLOGY, "fr", model);
        add(files, entries, "05-chronologie.pdf", chronologyPdf, EXHIBIT, "Chronologie des actes (journal de preuve)");
        add(files, entries, "05-chronologie.csv", csv(chronology, tenant), null, "Chronologie : entrées du journal de preuve, complètes");
        byte[] proofs = renderer.pdf(tenantId, TemplateName.DELIVERY_PROOFS, "fr", model);
        add(files, entries, "06-preuves-de-distribution.pdf", proofs, EXHIBIT, "Preuves de distribution (LRAR)");
        entries = numbered(entries);

        // The request (or cover letter) lists the exhibits; the index lists everything.
        Facts withExhibits = base.withFiles(entries);
        boolean small = request.procedure() == RecoveryProcedure.SMALL_CLAIMS;
        List<String> commissaire = request.commissaireDeJustice() == null || request.commissaireDeJustice().isBlank()
                ? List.of("Commissaire de justice", "[nom et adresse à compléter]") : List.of(request.commissaireDeJustice().split("\\R"));
        model.put("document", Models.document(small ? "Petites créances" : "Requête en injonction de payer", reference, date,
                tenant.city(), false, "fr", small ? commissaire : null, f));
        model.put("dossier", DossierModels.dossier(claim, withExhibits, f));
        byte[] request1 = renderer.pdf(tenantId, small ? TemplateName.SMALL_CLAIMS_COVER : TemplateName.INJONCTION_REQUEST, "fr", model);
        String requestPath = small ? "01-lettre-commissaire-de-justice.pdf" : "01-requete-injonction-de-payer.pdf";
        add(files, entries, requestPath, request1, null, small
                ? "Lettre au commissaire de justice (procédure simplifiée, CPCE L125-1)" : "Requête en injonction de payer pré-remplie");
        entries.sort(Comparator.comparing(FileEntry::path));

        Facts complete = base.withFiles(entries);
        model.put("document", Models.document("Dossier de recouvrement", reference, date, tenant.city(), false, "fr", f));
        model.put("dossier", DossierModels.dossier(claim, complete, f));
        byte[] index = renderer.pdf(tenantId, TemplateName.DOSSIER_INDEX, "fr", model);
        files.put("00-index.pdf", index);
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, bytes) -> manifest.append(DocumentStore.sha256(bytes)).append("  ").append(path).append('\n'));
        files.put("manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));

        byte[] zip = zip(files, date);
        BigDecimal total = claim.total().add(costs == null ? BigDecimal.ZERO : costs);
        var meta = new DocumentStore.NewDocument(debtor.id(), null, DocumentKind.RECOVERY_DOSSIER,
                (small ? "Dossier petites créances – " : "Dossier d'injonction de payer – ") + debtor.legalName(), reference,
                reference + ".zip", "application/zip", "fr", date, null, total, false, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("procedure", request.procedure().name());
        details.put("files", new ArrayList<>(files.keySet()));
        details.put("chronologyEntries", chronology.size());
        details.put("chronologyLastPosition", chronology.isEmpty() ? null : chronology.get(chronology.size() - 1).position());
        return new Built(id, meta, zip, details);
    }

    /** Every journal entry about the debtor and the claimed invoices, in the journal's order. */
    List<EvidenceEntry> chronology(Debtor debtor, Claim claim) {
        Map<Long, EvidenceEntry> byPosition = new TreeMap<>();
        evidence.forSubject(debtor.id()).forEach(e -> byPosition.put(e.position(), e));
        for (Claim.Line line : claim.lines()) {
            evidence.forSubject(line.invoice().id()).forEach(e -> byPosition.put(e.position(), e));
        }
        return List.copyOf(byPosition.values());
    }

    static byte[] csv(List<EvidenceEntry> entries, Tenant tenant) {
        StringBuilder b = new StringBuilder("position;occurred_at;actor;subject_type;subject_id;action;details;previous_hash;hash\r\n");
        for (EvidenceEntry e : entries) {
            b.append(e.position()).append(';').append(e.occurredAt()).append(';').append(q(e.actor())).append(';')
                    .append(e.subjectType()).append(';').append(e.subjectId()).append(';').append(q(e.action())).append(';')
                    .append(q(e.details())).append(';').append(e.previousHash()).append(';').append(e.hash()).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String q(String s) {
        return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void add(Map<String, byte[]> files, List<FileEntry> entries, String path, byte[] bytes, String exhibit,
                            String description) {
        files.put(path, bytes);
        entries.add(new FileEntry(exhibit, path, description, DocumentStore.sha256(bytes)));
    }

    /** Exhibits (pièces) are numbered 1, 2, 3… in the order of their files in the ZIP. */
    private static List<FileEntry> numbered(List<FileEntry> entries) {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(FileEntry::path));
        List<FileEntry> result = new ArrayList<>();
        int n = 0;
        for (FileEntry e : sorted) {
            result.add(e.exhibit() == null ? e : new FileEntry(String.valueOf(++n), e.path(), e.description(), e.sha256()));
        }
        return result;
    }

    private static byte[] zip(Map<String, byte[]> files, LocalDate date) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(date.atTime(LocalTime.NOON));
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String extension(String mediaType) {
        return "application/pdf".equals(mediaType) ? ".pdf" : ".xml";
    }
}
