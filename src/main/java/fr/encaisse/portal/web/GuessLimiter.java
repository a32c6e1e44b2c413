package fr.encaisse.portal.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts portal requests whose token opens nothing, per client address, in fixed windows of
 * {@code encaisse.portal.guess-window}; past {@code encaisse.portal.guess-limit} misses the address is
 * told to wait until its window ends. In this node's memory only (a cluster multiplies the budget by
 * its node count: tokens are 256-bit, the limit spares the database, it is not what keeps links
 * secret), and bounded: past {@code encaisse.portal.guess-addresses} addresses the oldest window is
 * forgotten. An IPv6 client is counted by its /64, the block one subscriber usually holds.
 */
@Component
class GuessLimiter {

    private record Window(Instant start, int misses) {
    }

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final int maxAddresses;
    /** In the order windows started: re-inserted when a new one starts, so the first entry is the oldest. */
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    GuessLimiter(Clock clock, @Value("${encaisse.portal.guess-limit:20}") int limit,
                 @Value("${encaisse.portal.guess-window:PT10M}") Duration window,
                 @Value("${encaisse.portal.guess-addresses:10000}") int maxAddresses) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
        this.maxAddresses = maxAddresses;
    }

    /** Records a miss from {@code address}; how long it must wait when that is one too many, else empty. */
    synchronized Optional<Duration> miss(String address) {
        String key = key(address);
        Instant now = clock.instant();
        Window w = windows.get(key);
        // A clock set back (as tests do) also starts a new window rather than one that never ends.
        if (w == null || !now.isBefore(w.start().plus(window)) || now.isBefore(w.start())) {
            windows.remove(key);
            w = new Window(now, 0);
        }
        w = new Window(w.start(), w.misses() + 1);
        windows.put(key, w);
        for (Iterator<String> oldest = windows.keySet().iterator(); windows.size() > maxAddresses; ) {
            oldest.next();
            oldest.remove();
        }
        return w.misses() > limit ? Optional.of(Duration.between(now, w.start().plus(window))) : Optional.empty();
    }

    private static String key(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            // A literal address: no lookup happens.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
