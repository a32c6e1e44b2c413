package fr.encaisse.communication;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message left (email accepted by the SMTP server, letter put in a print batch, call task created). */
public record MessageSent(UUID tenantId, UUID messageId, UUID debtorId, Channel channel, String recipient,
                          OffsetDateTime sentAt, String contentSha256, String sourceType, UUID sourceId) {
}
