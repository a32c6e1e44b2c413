package fr.encaisse.communication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A message of the outbox and where it stands. {@code contentSha256}: of the exact bytes sent. */
public record Message(UUID id, UUID debtorId, Channel channel, String template, List<UUID> invoiceIds, LocalDate asOf,
                      LocalDate deadline, MessageStatus status, int attempts, OffsetDateTime nextAttemptAt,
                      String lastError, String recipient, String subject, String contentType, String contentSha256,
                      UUID printBatchId, UUID callTaskId, String sourceType, UUID sourceId, OffsetDateTime createdAt,
                      OffsetDateTime sentAt) {
}
