package fr.encaisse.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limiter's memory stays bounded: past its cap the oldest window is forgotten, the newer ones kept. */
class GuessLimiterTests {

    @Test
    void past_the_cap_the_oldest_address_is_forgotten_and_the_others_kept() {
        GuessLimiter limiter = new GuessLimiter(new MutableClock(), 1, Duration.ofMinutes(10), 2);
        assertThat(limiter.miss("10.0.0.1")).isEmpty();
        assertThat(limiter.miss("10.0.0.2")).isEmpty();
        assertThat(limiter.miss("10.0.0.3")).as("a third address: 10.0.0.1 is forgotten").isEmpty();

        assertThat(limiter.miss("10.0.0.1")).as("counted from one again").isEmpty();
        assertThat(limiter.miss("10.0.0.3")).as("kept: its second miss is one too many").isPresent();
    }
}
