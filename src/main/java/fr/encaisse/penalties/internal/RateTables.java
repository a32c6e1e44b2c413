package fr.encaisse.penalties.internal;

import fr.encaisse.law.LatePaymentLaw;
import fr.encaisse.law.RateTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rate table in force: the newest version stored in the database, else the one shipped with
 * the {@code law} module. Each node re-reads the version number at most once a minute, so a table
 * loaded on one node reaches all of them without a restart.
 */
@Component
class RateTables {

    private static final Duration RECHECK = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Loaded current;

    private record Loaded(long version, LatePaymentLaw law, Instant checkedAt) {
    }

    RateTables(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LatePaymentLaw law() {
        Loaded loaded = current;
        Instant now = clock.instant();
        if (loaded == null || loaded.checkedAt().plus(RECHECK).isBefore(now)) {
            long version = latestVersion().orElse(0L);
            if (loaded == null || loaded.version() != version) {
                RateTable table = version == 0 ? RateTable.bundled() : RateTable.parse(
                        jdbc.sql("SELECT content FROM law_rate_table WHERE version = ?").param(version).query(String.class).single());
                loaded = new Loaded(version, new LatePaymentLaw(table), now);
            } else {
                loaded = new Loaded(version, loaded.law(), now);
            }
            current = loaded;
        }
        return loaded.law();
    }

    /** Parses first (a bad table is refused with its line number), then stores a new version. */
    void load(String text, String operator) {
        RateTable table = RateTable.parse(text);
        long version = latestVersion().orElse(0L) + 1;
        jdbc.sql("INSERT INTO law_rate_table (version, content, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")
                .params(version, table.toText(), operator, OffsetDateTime.now(clock)).update();
        current = new Loaded(version, new LatePaymentLaw(table), clock.instant());
    }

    private Optional<Long> latestVersion() {
        return jdbc.sql("SELECT MAX(version) FROM law_rate_table").query(Long.class).optional();
    }
}
