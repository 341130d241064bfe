package io.parameterportal.testing;

import java.time.Duration;

/**
 * Moves the {@link TestClock}, reset between tests, past every instant the app of one test class may have
 * remembered on it (the key source's last fetch attempt, a key set's age): each test starts on real time,
 * so that tokens minted now are valid, yet a step that needs "the refetch interval has passed" gets it.
 * One per test class, as each class's profile runs its own app.
 */
public final class ClockHighWater {

    private Duration furthest = Duration.ZERO;

    /** Sets the clock {@code by} further ahead of real time than this class has ever set it. */
    public synchronized void pastAllBefore(Duration by) {
        furthest = furthest.plus(by);
        TestClock clock = TestClock.get();
        clock.advance(furthest.minus(clock.offset()));
    }
}
