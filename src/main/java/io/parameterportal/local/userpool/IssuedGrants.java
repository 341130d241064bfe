package io.parameterportal.local.userpool;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * What the local user pool has handed out under a random handle (a code, a refresh token): each grant
 * forgotten {@code lifetime} after issue on the injected clock's time, at most {@code maxGrants} kept
 * (the oldest dropped beyond).
 */
final class IssuedGrants<G> {

    private final Cache<String, G> grants;

    IssuedGrants(Ticker ticker, int maxGrants, Duration lifetime) {
        this.grants = Caffeine.newBuilder()
                .maximumSize(maxGrants)
                .expireAfterWrite(lifetime)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    void put(String handle, G grant) {
        grants.put(handle, grant);
    }

    /** The grant, while it lasts. */
    Optional<G> find(String handle) {
        return Optional.ofNullable(grants.getIfPresent(handle));
    }

    /** The grant, while it lasts; forgotten from now on either way. */
    Optional<G> take(String handle) {
        return Optional.ofNullable(grants.asMap().remove(handle));
    }

    void forget(String handle) {
        grants.invalidate(handle);
    }

    /** Forgets the grant only when it matches. */
    void forgetIf(String handle, Predicate<G> matches) {
        grants.asMap().computeIfPresent(handle, (key, grant) -> matches.test(grant) ? null : grant);
    }
}
