package fr.encaisse.ledger.internal;

import fr.encaisse.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key and id of the last row of a page. Opaque so that
 * clients never build one, and the ordering can change without breaking them.
 */
record Cursor(String key, UUID id) {

    static final int MAX_LIMIT = 500;

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.lastIndexOf('|');
            return new Cursor(raw.substring(0, bar), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("after", "is not a cursor returned by this API");
        }
    }

    static int limit(int requested) {
        if (requested < 1 || requested > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
