package fr.encaisse.evidence.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash of one entry covers the previous hash and every field, each length-prefixed so
 * that no two different entries can serialise to the same bytes. Times are truncated to
 * microseconds in UTC: both databases store that precision, so a re-read hashes the same.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static OffsetDateTime normalise(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String of(String previousHash, UUID tenantId, long position, OffsetDateTime occurredAt, String actor,
                     String subjectType, UUID subjectId, String action, String details) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {previousHash, tenantId.toString(), Long.toString(position),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(normalise(occurredAt)), actor, subjectType,
                subjectId.toString(), action, details}) {
            sb.append(part.length()).append(':').append(part).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
