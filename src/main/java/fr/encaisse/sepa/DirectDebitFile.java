package fr.encaisse.sepa;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The header of a pain.008 file: its identifier, its creation time, and the creditor.
 *
 * @param messageId    {@code GrpHdr/MsgId}: unique per creditor for a long time (banks reject
 *                     duplicates), at most 35 characters; also the stem of each {@code PmtInfId}
 * @param creationTime {@code GrpHdr/CreDtTm}, written to the second with its offset
 * @param creditor     the creditor collecting
 */
public record DirectDebitFile(String messageId, OffsetDateTime creationTime, Creditor creditor) {

    public DirectDebitFile {
        messageId = SepaIdentifiers.requireReference("messageId", messageId);
        creationTime = Objects.requireNonNull(creationTime, "creationTime").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(creditor, "creditor");
    }
}
