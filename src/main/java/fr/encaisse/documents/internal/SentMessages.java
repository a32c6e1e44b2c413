package fr.encaisse.documents.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.Message;
import fr.encaisse.communication.MessageStatus;
import fr.encaisse.communication.Outbox;
import fr.encaisse.evidence.EvidenceEntry;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dunning run actually sent to a debtor through the outbox — emails as their exact MIME
 * bytes, letters and registered letters as their exact PDF — each checked against its
 * {@code message.sent} entry of the evidence journal. A content whose SHA-256, channel or recipient
 * differs from the journal's would not stand up in court: it stops the dossier instead of going in.
 */
@Component
class SentMessages {

    /** Not addressed to the debtor: a call task is the credit manager's to-do (its journal entry is in the chronology). */
    private static final Set<Channel> TO_THE_DEBTOR = EnumSet.of(Channel.EMAIL, Channel.LETTER, Channel.REGISTERED_LETTER, Channel.SMS);
    private static final Set<MessageStatus> UNDELIVERED = EnumSet.of(MessageStatus.FAILED, MessageStatus.BOUNCED, MessageStatus.DEAD);

    /**
     * A sent message, its bytes, the journal entry that vouches for them, its path in the ZIP and, for a
     * registered letter, its LRAR record (null while nothing is recorded).
     */
    record Sent(Message message, byte[] content, String sha256, EvidenceEntry entry, String path, RegisteredLetterStore.Lrar lrar) {

        boolean formalNoticeLetter() {
            return "formal-notice".equals(message.template()) && message.channel().isLetter();
        }
    }

    /** {@code undelivered}: failed, bounced or dead messages, named in the index (no file: nothing reached the debtor). */
    record Found(List<Sent> sent, List<Message> undelivered) {
    }

    private final Outbox outbox;
    private final RegisteredLetterStore registeredLetters;
    private final JsonMapper json;

    SentMessages(Outbox outbox, RegisteredLetterStore registeredLetters, JsonMapper json) {
        this.outbox = outbox;
        this.registeredLetters = registeredLetters;
        this.json = json;
    }

    /** {@code journal}: the debtor's chronology, which holds the {@code message.sent} entries. */
    Found of(UUID debtorId, List<EvidenceEntry> journal) {
        Map<String, EvidenceEntry> sentEntries = new HashMap<>();
        for (EvidenceEntry e : journal) {
            if ("message.sent".equals(e.action())) {
                sentEntries.put(json.readTree(e.details()).path("message").asString(), e);
            }
        }
        List<Message> messages = outbox.ofDebtor(debtorId).stream().filter(m -> TO_THE_DEBTOR.contains(m.channel())).toList();
        Map<UUID, RegisteredLetterStore.Lrar> lrars = registeredLetters.ofDebtor(TenantContext.tenantId(), debtorId);
        List<Sent> sent = new ArrayList<>();
        for (Message m : messages) {
            if (m.status() == MessageStatus.SENT) {
                byte[] content = outbox.content(m.id());
                EvidenceEntry entry = sentEntries.get(m.id().toString());
                String sha = DocumentStore.sha256(content);
                check(m, sha, entry);
                sent.add(new Sent(m, content, sha, entry, null, lrars.get(m.id())));
            }
        }
        // The date the message speaks for, then the order the journal recorded the sends in.
        sent.sort(Comparator.comparing((Sent x) -> x.message().asOf()).thenComparingLong(x -> x.entry().position()));
        Set<String> paths = new HashSet<>();
        List<Sent> named = sent.stream().map(x -> new Sent(x.message(), x.content(), x.sha256(), x.entry(),
                uniquePath(x.message(), paths), x.lrar())).toList();
        return new Found(named, messages.stream().filter(m -> UNDELIVERED.contains(m.status())).toList());
    }

    private void check(Message m, String sha, EvidenceEntry entry) {
        String what = "The " + m.channel() + " '" + m.template() + "' of " + m.asOf() + " (message " + m.id() + ")";
        if (entry == null) {
            throw new ConflictException(what + " has no 'message.sent' entry in the evidence journal: its content cannot be"
                    + " proven; the dossier is not assembled");
        }
        JsonNode details = json.readTree(entry.details());
        String journalSha = details.path("sha256").asString();
        if (!sha.equals(journalSha)) {
            throw new ConflictException(what + " no longer matches the evidence journal: its stored content hashes to " + sha
                    + " but journal entry n° " + entry.position() + " recorded " + journalSha + " when it was sent. The stored"
                    + " content was altered; the dossier is not assembled");
        }
        if (!m.channel().name().equals(details.path("channel").asString())
                || !String.valueOf(m.recipient()).equals(details.path("recipient").asString())) {
            throw new ConflictException(what + " no longer matches journal entry n° " + entry.position() + " (channel "
                    + details.path("channel").asString() + ", recipient " + details.path("recipient").asString()
                    + "); the dossier is not assembled");
        }
    }

    /** {@code 04-relances/2026-04-01_LRAR_mise-en-demeure.pdf}: date order, then channel and step; -2, -3… on a clash. */
    private static String uniquePath(Message m, Set<String> taken) {
        String base = "04-relances/" + m.asOf() + "_" + channelCode(m.channel()) + "_" + stepName(m.template());
        String extension = extension(m.contentType());
        String path = base + extension;
        for (int n = 2; !taken.add(path); n++) {
            path = base + "-" + n + extension;
        }
        return path;
    }

    static String channelCode(Channel channel) {
        return switch (channel) {
            case EMAIL -> "EMAIL";
            case LETTER -> "LETTRE";
            case REGISTERED_LETTER -> "LRAR";
            case SMS -> "SMS";
            case CALL_TASK -> "APPEL";
        };
    }

    static String channelLabel(Channel channel) {
        return switch (channel) {
            case EMAIL -> "courriel";
            case LETTER -> "lettre simple";
            case REGISTERED_LETTER -> "lettre recommandée avec demande d'avis de réception";
            case SMS -> "SMS";
            case CALL_TASK -> "appel";
        };
    }

    /** The dunning templates (communication's {@code MailTexts.TEMPLATES}) in the words of the file. */
    static String stepName(String template) {
        return switch (template) {
            case "courtesy" -> "rappel-courtois";
            case "reminder" -> "relance";
            case "call" -> "appel";
            case "penalty-letter" -> "lettre-penalites";
            case "formal-notice" -> "mise-en-demeure";
            case "amicable" -> "relance-amiable";
            case "judicial" -> "pre-contentieux";
            default -> template.replaceAll("[^A-Za-z0-9-]", "_");
        };
    }

    /** The step as a court reads it. */
    static String stepTitle(String template) {
        return switch (template) {
            case "courtesy" -> "Rappel avant échéance";
            case "reminder" -> "Relance";
            case "call" -> "Appel";
            case "penalty-letter" -> "Relance avec décompte des pénalités";
            case "formal-notice" -> "Mise en demeure";
            case "amicable" -> "Dernière relance amiable";
            case "judicial" -> "Avis avant poursuites";
            default -> template;
        };
    }

    private static String extension(String contentType) {
        if (contentType == null) {
            return ".bin";
        }
        if (contentType.startsWith("message/rfc822")) {
            return ".eml";
        }
        if (contentType.startsWith("application/pdf")) {
            return ".pdf";
        }
        return contentType.startsWith("text/plain") ? ".txt" : ".bin";
    }
}
