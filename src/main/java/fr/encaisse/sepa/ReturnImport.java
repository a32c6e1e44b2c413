package fr.encaisse.sepa;

import java.util.List;
import java.util.UUID;

/**
 * What a pain.002 or camt.054 file did.
 *
 * @param transactions     transactions read (all statuses, all entries' details)
 * @param returns          R-transactions matched and applied by this import
 * @param alreadyProcessed end-to-end ids already rejected or returned (by an earlier file): left alone
 * @param unmatched        camt.054 R-transactions whose end-to-end id is not one of this tenant's
 *                         collections (another tool's, a credit transfer's): reported, not applied
 */
public record ReturnImport(UUID id, String messageName, String messageId, String originalMessageId, int transactions,
        List<DebitReturn> returns, List<String> alreadyProcessed, List<String> unmatched) {
}
