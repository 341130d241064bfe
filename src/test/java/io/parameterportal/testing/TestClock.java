package io.parameterportal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The system clock plus an offset a test can move forward, replacing the app's clock in every
 * {@code @QuarkusTest}: time-based rules are proven by moving time, never by sleeping. A test that
 * moves or stops it calls {@link #reset()} when done, so that the next test sees real time again.
 */
public final class TestClock extends Clock {

    private static final TestClock INSTANCE = new TestClock();

    private volatile Duration offset = Duration.ZERO;
    /** Where the clock stands while stopped ({@link #standStill()}), else null: it runs with real time. */
    private volatile Instant stoppedAt;

    private TestClock() {
    }

    public static TestClock get() {
        return INSTANCE;
    }

    public void advance(Duration amount) {
        offset = offset.plus(amount);
        Instant stopped = stoppedAt;
        if (stopped != null) {
            stoppedAt = stopped.plus(amount);
        }
    }

    /**
     * Stops the clock where it is: until {@link #reset()}, it moves only when a test moves it. For a test that counts
     * what an interval allows, which a slow machine must not let pass between its steps.
     */
    public void standStill() {
        stoppedAt = instant();
    }

    /** Moves this clock to {@code instant} (later than now): a step counted from an event, not from whenever the test got here. */
    public void advanceTo(Instant instant) {
        advance(Duration.between(instant(), instant));
    }

    public void reset() {
        stoppedAt = null;
        offset = Duration.ZERO;
    }

    /** How far ahead of real time this clock stands. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    /** The same time in nanoseconds, as Caffeine's ticker counts. */
    public long nanos() {
        Instant now = instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }

    /** Takes the place of the app's system clock in tests. */
    static class Producer {
        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return INSTANCE;
        }
    }
}
