package fr.encaisse.ledger;

import java.util.List;

/** One page of a list, and the cursor for the next one (null on the last page). */
public record Slice<T>(List<T> items, String nextCursor) {
}
