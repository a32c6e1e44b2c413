package fr.encaisse.banking;

/** What a matching run did: credits matched automatically, left as suggestions, left unmatched. */
public record MatchCounts(int matched, int suggested, int unmatched) {

    public static final MatchCounts NONE = new MatchCounts(0, 0, 0);
}
