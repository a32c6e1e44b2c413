package fr.encaisse.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What to send, fixed when queued; the content is rendered when it is sent, from the ledger as it
 * is then (paid invoices drop out, partly paid ones show what remains).
 *
 * @param invoiceIds     the invoices the message is about
 * @param listAllOverdue also list every other overdue open invoice of the debtor (grouped dunning)
 * @param asOf           the date the message speaks for (amounts, penalties, letter date)
 * @param deadline       a payment deadline to state (formal notice), or null
 * @param attachLetter   attach the letter PDF to the email
 * @param sourceType     who asked (e.g. {@code DUNNING_CONTACT}); with {@code sourceId} and the channel, unique
 */
public record OutboundMessage(UUID debtorId, Channel channel, String template, List<UUID> invoiceIds,
                              boolean listAllOverdue, LocalDate asOf, LocalDate deadline, boolean attachLetter,
                              String sourceType, UUID sourceId) {
}
