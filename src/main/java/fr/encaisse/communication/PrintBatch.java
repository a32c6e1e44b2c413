package fr.encaisse.communication;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Letters waiting to be printed and posted: one open batch per kind (letter, registered letter). */
public record PrintBatch(UUID id, Channel kind, Status status, int letterCount, OffsetDateTime createdAt,
                         OffsetDateTime closedAt, String downloadedBy) {

    public enum Status { OPEN, CLOSED }
}
