package nl.impactmonitor.jobs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Failed logins are counted per user and per address in a sliding window; the oldest failure leaving it reopens. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tenFailuresInFiveMinutesThrottleTheUserAndTheAddressUntilTheOldestLeavesTheWindow() {
        Hand clock = new Hand();
        LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 9; i++) {
            throttle.failed("steward", "10.0.0.1");
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(throttle.retryAfterSeconds("steward", "10.0.0.1")).as("nine failures: still allowed").isZero();
        throttle.failed("steward", "10.0.0.1");
        // first failure at 02:00:00, now 02:01:30: it leaves the window at 02:05:00, 210 s from now (+1 rounding up)
        assertThat(throttle.retryAfterSeconds("steward", "10.0.0.1")).isEqualTo(211);
        assertThat(throttle.retryAfterSeconds("steward", "10.0.0.2")).as("same user elsewhere").isEqualTo(211);
        assertThat(throttle.retryAfterSeconds("viewer", "10.0.0.1")).as("other user, same address").isEqualTo(211);
        assertThat(throttle.retryAfterSeconds("viewer", "10.0.0.2")).as("other user, other address").isZero();
        clock.now = Instant.parse("2026-12-01T02:05:01Z");
        assertThat(throttle.retryAfterSeconds("steward", "10.0.0.1")).as("the oldest failure left the window").isZero();
    }

    @Test
    void userNamesAreLoggedPrintableAndShort() {
        assertThat(LoginThrottle.printable("eve\nINFO fake line")).isEqualTo("eve?INFO fake line");
        assertThat(LoginThrottle.printable("x".repeat(100))).hasSize(64).endsWith("...");
    }
}
