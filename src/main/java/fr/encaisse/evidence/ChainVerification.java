package fr.encaisse.evidence;

import java.util.List;

/**
 * The result of recomputing a chain: intact, or the positions where it breaks and why.
 *
 * @param entriesChecked how many rows were read
 * @param breaks         empty when the chain is intact
 */
public record ChainVerification(long entriesChecked, long expectedEntries, List<Break> breaks) {

    public boolean intact() {
        return breaks.isEmpty();
    }

    /** Where and how the chain breaks: an altered row, a missing row, a cut tail. */
    public record Break(long position, String problem) {
    }
}
