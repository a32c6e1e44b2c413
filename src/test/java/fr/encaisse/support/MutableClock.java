package fr.encaisse.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The system clock moved forward by what a test asks: for expiries measured in days. */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Import it to replace the application's clock (as the primary {@link Clock}) in a test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Replacing {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A fixed-offset view in that zone: enough for "today in the tenant's zone", read at once. */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
