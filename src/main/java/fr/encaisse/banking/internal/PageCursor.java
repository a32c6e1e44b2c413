package fr.encaisse.banking.internal;

import fr.encaisse.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An opaque keyset cursor (the sort key of the last row of a page), as the ledger's lists use. */
record PageCursor(String key, String id) {

    static final int MAX_LIMIT = 500;

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.lastIndexOf('|');
            return new PageCursor(raw.substring(0, bar), raw.substring(bar + 1));
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
