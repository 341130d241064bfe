package io.parameterportal.config;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The one clock every time-based rule reads (token expiry, cache lifetimes, refetch intervals, the
 * local stand-ins' lifetimes), so that tests can move time instead of waiting for it.
 */
class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The same clock for Caffeine's expiry, in the nanoseconds it counts. */
    @Produces
    @Singleton
    Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
