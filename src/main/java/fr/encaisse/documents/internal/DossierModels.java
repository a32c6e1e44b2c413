package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.documents.DeliveryOutcome;
import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.RecoveryProcedure;
import fr.encaisse.documents.RegisteredMail;
import fr.encaisse.documents.StoredDocument;
import fr.encaisse.evidence.EvidenceEntry;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.penalties.TermsOfSale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code dossier} part of the data of the recovery dossier's documents. */
final class DossierModels {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private DossierModels() {
    }

    /** One file of the ZIP, numbered as an exhibit (pièce) when it supports the claim. */
    record FileEntry(String exhibit, String path, String description, String sha256) {
    }

    /** {@code letters}: written by this module; {@code messages}: sent by the outbox. */
    record Facts(RecoveryProcedure procedure, LocalDate date, BigDecimal costs, String costsDescription, String commissaire,
                 List<FileEntry> files, List<EvidenceEntry> chronology, List<StoredDocument> letters, SentMessages.Found messages,
                 TermsOfSale terms, boolean termsDocument, ZoneId zone) {

        Facts withFiles(List<FileEntry> newFiles) {
            return new Facts(procedure, date, costs, costsDescription, commissaire, List.copyOf(newFiles), chronology, letters,
                    messages, terms, termsDocument, zone);
        }
    }

    static Map<String, Object> dossier(Claim claim, Facts facts, Formats f) {
        String cur = claim.currency();
        BigDecimal costs = facts.costs() == null ? BigDecimal.ZERO.setScale(2) : facts.costs();
        boolean consumer = claim.debtor().kind() == DebtorKind.B2C;
        String city = claim.debtor().address() == null || claim.debtor().address().city() == null
                ? "[ville du siège du débiteur]" : claim.debtor().address().city().toUpperCase(java.util.Locale.FRENCH);
        Map<String, Object> court = consumer
                ? m("name", "Président du tribunal judiciaire de " + city,
                    "form", "Cerfa n° 12948 (requête en injonction de payer devant le tribunal judiciaire) [version à vérifier]",
                    "jurisdiction", "tribunal judiciaire du lieu où demeure le débiteur (CPC 1406)")
                : m("name", "Président du tribunal de commerce (ou du tribunal des activités économiques) de " + city,
                    "form", "Cerfa n° 12946 (requête en injonction de payer devant le tribunal de commerce) [version à vérifier]",
                    "jurisdiction", "juridiction du lieu où demeure le débiteur (CPC 1406)");

        List<StoredDocument> notices = facts.letters().stream().filter(d -> d.kind() == DocumentKind.FORMAL_NOTICE).toList();
        List<String> basis = new ArrayList<>();
        basis.add("Factures impayées " + String.join(", ", claim.lines().stream().map(l -> "n° " + l.invoice().number()
                + " du " + f.date(l.invoice().issueDate()) + " (échéance " + f.date(l.invoice().dueDate()) + ")").toList())
                + ", correspondant à des fournitures ou prestations livrées et acceptées.");
        basis.add(facts.termsDocument() ? "Conditions générales de vente du créancier (pièce jointe), prévoyant les conditions de paiement et de pénalités."
                : "Conditions de paiement et de pénalités du créancier (pièce jointe).");
        if (!consumer) {
            basis.add("Code de commerce, article L441-10 II (pénalités de retard exigibles de plein droit) et article D441-5"
                    + " (indemnité forfaitaire de 40 € par facture).");
        } else {
            basis.add("Code civil, articles 1231-6 et 1344-1 (intérêts au taux légal à compter de la mise en demeure).");
        }
        for (StoredDocument n : notices) {
            RegisteredMail mail = n.registeredMail();
            basis.add("Mise en demeure du " + f.date(n.documentDate()) + " (réf. " + n.reference() + ")"
                    + (mail == null ? "" : LrarTexts.citation(mail.trackingNumber(), mail.acknowledgedOn(), receipt(mail), f))
                    + ", restée sans effet (Code civil, article 1344).");
        }
        List<SentMessages.Sent> sentNotices = facts.messages().sent().stream().filter(SentMessages.Sent::formalNoticeLetter).toList();
        for (SentMessages.Sent n : sentNotices) {
            basis.add("Mise en demeure du " + f.date(n.message().asOf()) + " adressée par "
                    + SentMessages.channelLabel(n.message().channel()) + " à " + n.message().recipient() + " (pièce "
                    + n.path() + ", empreinte inscrite au journal de preuve, entrée n° " + n.entry().position() + ")"
                    + (n.lrar() == null ? "" : LrarTexts.citation(n.lrar().trackingNumber(), n.lrar().acknowledgedOn(), n.lrar().outcome(), f))
                    + ", restée sans effet (Code civil, article 1344).");
        }

        List<Map<String, Object>> chronology = facts.chronology().stream().map(e -> m(
                "position", String.valueOf(e.position()),
                "when", TIMESTAMP.format(e.occurredAt().atZoneSameInstant(facts.zone())),
                "actor", e.actor(), "subjectType", e.subjectType(), "action", e.action(), "label", label(e.action()),
                "hash", e.hash())).toList();

        List<Map<String, Object>> sends = facts.messages().sent().stream().map(x -> m(
                "date", f.date(x.message().asOf()),
                "sentAt", TIMESTAMP.format(x.message().sentAt().atZoneSameInstant(facts.zone())),
                "channel", SentMessages.channelLabel(x.message().channel()), "recipient", x.message().recipient(),
                "step", SentMessages.stepTitle(x.message().template()), "path", x.path(), "sha256", x.sha256(),
                "position", String.valueOf(x.entry().position()), "entryHash", x.entry().hash(),
                "posting", x.lrar() == null ? "" : LrarTexts.posting(x.lrar().trackingNumber(), x.lrar().postedOn(),
                        x.lrar().acknowledgedOn(), x.lrar().outcome(), f))).toList();
        List<Map<String, Object>> undelivered = facts.messages().undelivered().stream().map(x -> m(
                "date", f.date(x.asOf()), "channel", SentMessages.channelLabel(x.channel()),
                "recipient", x.recipient() == null ? "" : x.recipient(), "step", SentMessages.stepTitle(x.template()),
                "status", undeliveredLabel(x.status()), "error", x.lastError() == null ? "" : x.lastError())).toList();

        List<Map<String, Object>> proofs = new ArrayList<>();
        for (StoredDocument d : facts.letters()) {
            if (d.registeredMail() == null) {
                continue;
            }
            RegisteredMail mail = d.registeredMail();
            Map<String, Object> proof = m("title", d.title(), "reference", d.reference(), "date", f.date(d.documentDate()),
                    "sha256", d.sha256());
            proof.putAll(proofState(mail.trackingNumber(), mail.postedOn(), mail.acknowledgedOn(), receipt(mail), f));
            proof.put("entries", lrarEntries(facts, d.id(), List.of()));
            proofs.add(proof);
        }
        // A registered letter the outbox sent: its proof of sending is the message.sent entry, then what was recorded
        // of its posting and returned card (keyed by the message id).
        for (SentMessages.Sent x : facts.messages().sent()) {
            if (x.message().channel() == Channel.REGISTERED_LETTER) {
                var lrar = x.lrar();
                Map<String, Object> proof = m("title", SentMessages.stepTitle(x.message().template()) + " (envoi des relances)",
                        "reference", x.path(), "date", f.date(x.message().asOf()), "sha256", x.sha256());
                proof.putAll(lrar == null ? proofState(null, null, null, null, f)
                        : proofState(lrar.trackingNumber(), lrar.postedOn(), lrar.acknowledgedOn(), lrar.outcome(), f));
                proof.put("entries", lrarEntries(facts, x.message().id(), List.of(x.entry())));
                proofs.add(proof);
            }
        }

        List<String> warnings = new ArrayList<>();
        int years = consumer ? 2 : 5;
        for (Claim.Line l : claim.lines()) {
            if (l.invoice().dueDate().plusYears(years).isBefore(facts.date())) {
                warnings.add("Facture " + l.invoice().number() + " échue depuis plus de " + years + " ans : la créance est"
                        + " peut-être prescrite (" + (consumer ? "C. conso. L218-2" : "C. com. L110-4") + "), sauf interruption.");
            }
        }
        List<String> notDelivered = sentNotices.stream().filter(n -> n.lrar() != null && n.lrar().outcome() != null
                && n.lrar().outcome() != DeliveryOutcome.DELIVERED)
                .map(n -> "mise en demeure du " + f.date(n.message().asOf()) + LrarTexts.citation(n.lrar().trackingNumber(),
                        n.lrar().acknowledgedOn(), n.lrar().outcome(), f)).toList();
        if (notices.isEmpty() && sentNotices.isEmpty()) {
            warnings.add("Aucune mise en demeure n'est enregistrée pour ce débiteur : ni lettre de mise en demeure envoyée par"
                    + " les relances, ni mise en demeure établie dans Encaisse.");
        } else if (notices.stream().noneMatch(n -> n.registeredMail() != null && n.registeredMail().acknowledgedOn() != null)
                && sentNotices.stream().noneMatch(n -> n.lrar() != null && n.lrar().outcome() == DeliveryOutcome.DELIVERED)) {
            // A refused or unclaimed letter was presented, a returned one was not: the court weighs each, so say which.
            warnings.add(notDelivered.isEmpty() ? "Aucun accusé de réception de mise en demeure n'est enregistré."
                    : "Aucune mise en demeure n'a été remise contre signature : " + String.join(" ; ", notDelivered) + ".");
        }

        boolean smallClaims = facts.procedure() == RecoveryProcedure.SMALL_CLAIMS;
        return m("procedure", facts.procedure().name(), "injonction", !smallClaims, "smallClaims", smallClaims,
                "title", smallClaims ? "Procédure simplifiée de recouvrement des petites créances" : "Requête en injonction de payer",
                "date", f.date(facts.date()), "longDate", f.longDate(facts.date()), "court", court,
                "costs", f.money(costs, cur), "hasCosts", costs.signum() > 0,
                "costsDescription", facts.costsDescription() == null ? "Frais de procédure" : facts.costsDescription(),
                "grandTotal", f.money(claim.total().add(costs), cur), "principalAndInterest", f.money(claim.principalAndInterest(), cur),
                "basis", basis, "exhibits", facts.files().stream().filter(x -> x.exhibit() != null).map(DossierModels::file).toList(),
                "files", facts.files().stream().map(DossierModels::file).toList(),
                "chronology", chronology, "hasChronology", !chronology.isEmpty(), "proofs", proofs, "hasProofs", !proofs.isEmpty(),
                "letters", letters(facts.letters(), f), "sends", sends, "hasSends", !sends.isEmpty(),
                "undelivered", undelivered, "hasUndelivered", !undelivered.isEmpty(), "warnings", warnings, "hasWarnings", !warnings.isEmpty(),
                "commissaireLines", facts.commissaire() == null ? List.of() : List.of(facts.commissaire().split("\\R")),
                "hasCommissaire", facts.commissaire() != null && !facts.commissaire().isBlank(),
                "terms", terms(facts.terms(), claim.debtor().kind(), f));
    }

    /** A letter written here records a signed receipt only (no outcome). */
    private static DeliveryOutcome receipt(RegisteredMail mail) {
        return mail.acknowledgedOn() == null ? null : DeliveryOutcome.DELIVERED;
    }

    /** The posting and returned-card fields of a delivery proof: {@code acknowledged} is a signed receipt only. */
    private static Map<String, Object> proofState(String trackingNumber, LocalDate postedOn, LocalDate acknowledgedOn,
                                                  DeliveryOutcome outcome, Formats f) {
        boolean undelivered = outcome != null && outcome != DeliveryOutcome.DELIVERED;
        return m("trackingNumber", trackingNumber, "postedOn", f.date(postedOn), "acknowledgedOn", f.date(acknowledgedOn),
                "posted", trackingNumber != null, "acknowledged", outcome == DeliveryOutcome.DELIVERED,
                "undelivered", undelivered, "outcome", undelivered ? LrarTexts.notDelivered(acknowledgedOn, outcome, f) : "",
                "awaiting", outcome == null);
    }

    /** {@code first}, then the registered-mail entries of the chronology about that document or message. */
    private static List<Map<String, Object>> lrarEntries(Facts facts, UUID id, List<EvidenceEntry> first) {
        List<EvidenceEntry> entries = new ArrayList<>(first);
        facts.chronology().stream().filter(e -> e.action().startsWith("registered-mail.") && e.details() != null
                && e.details().contains(id.toString())).forEach(entries::add);
        return entries.stream().map(e -> m("position", String.valueOf(e.position()), "action", label(e.action()),
                "when", TIMESTAMP.format(e.occurredAt().atZoneSameInstant(facts.zone())), "hash", e.hash())).toList();
    }

    /** The letters written here, each with its registered-mail record next to it. */
    private static List<Map<String, Object>> letters(List<StoredDocument> letters, Formats f) {
        return letters.stream().map(d -> {
            RegisteredMail mail = d.registeredMail();
            String posting = mail == null ? "" : LrarTexts.posting(mail.trackingNumber(), mail.postedOn(), mail.acknowledgedOn(),
                    receipt(mail), f);
            return m("title", d.title(), "reference", d.reference(), "date", f.date(d.documentDate()), "sha256", d.sha256(),
                    "posting", posting);
        }).toList();
    }

    private static String undeliveredLabel(MessageStatus status) {
        return switch (status) {
            case FAILED -> "échec, nouvelle tentative prévue";
            case BOUNCED -> "rejeté par le destinataire (bounce)";
            case DEAD -> "abandonné (non envoyé)";
            default -> status.name();
        };
    }

    private static Map<String, Object> file(FileEntry e) {
        return m("exhibit", e.exhibit(), "path", e.path(), "description", e.description(), "sha256", e.sha256());
    }

    static Map<String, Object> terms(TermsOfSale t, DebtorKind kind, Formats f) {
        boolean fr = f.french();
        String agreed = switch (t.agreedTerm()) {
            case NONE -> fr ? "30 jours après réception des marchandises ou exécution de la prestation" : "30 days after delivery";
            case SIXTY_DAYS_FROM_ISSUE -> fr ? "60 jours à compter de la date d'émission de la facture" : "60 days from the invoice date";
            case END_OF_MONTH_PLUS_45_DAYS -> fr ? "45 jours fin de mois (fin du mois de facturation + 45 jours)" : "45 days end of month (month end + 45 days)";
            case PLUS_45_DAYS_THEN_END_OF_MONTH -> fr ? "45 jours fin de mois (date de facture + 45 jours, puis fin de mois)" : "45 days then end of month";
            case PERIODIC_INVOICE_45_DAYS -> fr ? "45 jours à compter de l'émission (facture périodique)" : "45 days from issue (periodic invoice)";
        };
        String allocation = switch (t.allocation()) {
            case PRINCIPAL_FIRST -> fr ? "les paiements partiels s'imputent d'abord sur le principal" : "part payments go to the principal first";
            case INTEREST_FIRST -> fr ? "les paiements partiels s'imputent d'abord sur les intérêts (C. civ. 1343-1)" : "part payments go to interest first (C. civ. 1343-1)";
        };
        String dayCount = switch (t.dayCount()) {
            case ACT_365 -> fr ? "jours exacts / 365" : "actual days / 365";
            case ACT_ACT -> fr ? "jours exacts / 365 ou 366" : "actual days / 365 or 366";
            case ACT_360 -> fr ? "jours exacts / 360" : "actual days / 360";
        };
        return m("agreedTerm", agreed, "rate", Models.rateDescription(t, kind, f), "allocation", allocation,
                "dayCount", dayCount, "indemnity", kind == DebtorKind.B2C ? null : (fr ? "40 € par facture payée en retard (C. com. D441-5)"
                        : "€40 per invoice paid late (C. com. D441-5)"),
                "fallbackAllowed", t.lastKnownRatesAllowed());
    }

    /** The chronology's words for the journal's action codes. */
    static String label(String action) {
        return switch (action) {
            case "document.generated" -> "Document établi (empreinte enregistrée)";
            case "registered-mail.posted" -> "Lettre recommandée postée";
            case "registered-mail.acknowledged" -> "Avis de réception signé";
            case "registered-mail.refused" -> "Lettre recommandée refusée par le destinataire";
            case "registered-mail.not-claimed" -> "Lettre recommandée avisée et non réclamée";
            case "registered-mail.returned" -> "Lettre recommandée retournée à l'expéditeur";
            case "message.sent" -> "Message envoyé au débiteur (empreinte du contenu enregistrée)";
            case "message.bounced" -> "Message rejeté par le destinataire";
            case "message.requeued" -> "Message remis en file d'envoi";
            case "einvoice.imported" -> "Facture électronique reçue et enregistrée";
            case "invoice.issued" -> "Facture émise";
            case "invoice.updated" -> "Facture modifiée";
            case "invoice.settled" -> "Facture soldée";
            case "payment.recorded" -> "Paiement reçu";
            case "invoice.allocated" -> "Paiement ou avoir imputé sur la facture";
            case "invoice.allocation-reversed" -> "Imputation annulée";
            case "credit-note.issued" -> "Avoir émis";
            case "debtor.created" -> "Débiteur enregistré";
            case "debtor.updated" -> "Débiteur modifié";
            case "terms-of-sale.updated" -> "Conditions de vente modifiées";
            default -> action.startsWith("reminder") || action.startsWith("dunning") ? "Relance (" + action + ")" : action;
        };
    }

    static Map<String, Object> sample(Claim claim, Formats f) {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000009");
        StoredDocument notice = new StoredDocument(id, claim.debtor().id(), null, DocumentKind.FORMAL_NOTICE, "Mise en demeure",
                "MED-20260301-C-EXEMPLE", "MED.pdf", "application/pdf", "1".repeat(64), 1000, "fr",
                SampleModels.DATE.minusDays(15), SampleModels.DATE.minusDays(7), claim.total(),
                new RegisteredMail("1A 123 456 7890 1", SampleModels.DATE.minusDays(15), SampleModels.DATE.minusDays(13)),
                OffsetDateTime.parse("2026-03-01T10:00:00+01:00"), "user:exemple");
        EvidenceEntry entry = new EvidenceEntry(12, OffsetDateTime.parse("2026-03-01T10:05:00+01:00"), "user:exemple", "DEBTOR",
                claim.debtor().id(), "registered-mail.posted", "{\"documentId\":\"" + id + "\"}", "2".repeat(64), "3".repeat(64));
        OffsetDateTime sentAt = OffsetDateTime.parse("2026-02-24T06:31:00+01:00");
        Message sent = new Message(UUID.fromString("00000000-0000-0000-0000-000000000010"), claim.debtor().id(), Channel.REGISTERED_LETTER,
                "formal-notice", List.of(), SampleModels.DATE.minusDays(20), SampleModels.DATE.minusDays(12), MessageStatus.SENT, 1,
                sentAt, null, "Client Exemple SAS, 2 rue Neuve, 69001 Lyon", "Mise en demeure", "application/pdf", "5".repeat(64),
                null, null, "DUNNING_CONTACT", id, sentAt, sentAt);
        Message bounced = new Message(UUID.fromString("00000000-0000-0000-0000-000000000011"), claim.debtor().id(), Channel.EMAIL,
                "reminder", List.of(), SampleModels.DATE.minusDays(30), null, MessageStatus.BOUNCED, 1, sentAt, "recipient refused",
                "compta@client.example", "Relance", null, null, null, null, "DUNNING_CONTACT", id, sentAt, null);
        EvidenceEntry sentEntry = new EvidenceEntry(11, sentAt, "system:outbox", "DEBTOR", claim.debtor().id(), "message.sent",
                "{\"message\":\"" + sent.id() + "\"}", "6".repeat(64), "2".repeat(64));
        var notClaimed = new RegisteredLetterStore.Lrar(sent.id(), "1A98765432101", SampleModels.DATE.minusDays(19),
                SampleModels.DATE.minusDays(17), DeliveryOutcome.NOT_CLAIMED);
        var messages = new SentMessages.Found(List.of(new SentMessages.Sent(sent, new byte[0], "5".repeat(64), sentEntry,
                "04-relances/2026-02-24_LRAR_mise-en-demeure.pdf", notClaimed)), List.of(bounced));
        Facts facts = new Facts(RecoveryProcedure.INJONCTION_DE_PAYER, SampleModels.DATE, new BigDecimal("35.00"),
                "Frais de greffe", "Maître Exemple, commissaire de justice\n1 place de l'Exemple\n69002 Lyon",
                List.of(new FileEntry("1", "02-factures/F-EXEMPLE-1.pdf", "Facture F-EXEMPLE-1", "4".repeat(64))),
                List.of(sentEntry, entry), List.of(notice), messages, TermsOfSale.LEGAL_DEFAULT, true, ZoneId.of("Europe/Paris"));
        return dossier(claim, facts, f);
    }
}
