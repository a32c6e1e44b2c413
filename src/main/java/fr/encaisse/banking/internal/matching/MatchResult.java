package fr.encaisse.banking.internal.matching;

import java.util.List;
import java.util.Optional;

/**
 * The ranked proposals for one credit, best first, and whether the best may be applied without a
 * person: its confidence reaches the tenant's threshold and no other proposal comes close.
 */
public record MatchResult(List<Proposal> candidates, boolean automatic) {

    public static final MatchResult NONE = new MatchResult(List.of(), false);

    public MatchResult {
        candidates = List.copyOf(candidates);
    }

    public Optional<Proposal> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }
}
