package io.parameterportal.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Tokens that passed every check, so that a repeat view with the same token skips jose4j's JSON
 * parsing and RSA check (about half of what a repeat view allocated). An id token cannot change,
 * so its verdict holds until it expires ({@code exp} plus the clock skew the checks allow); after
 * that it is checked afresh and refused with the usual sentence. The entry is keyed by the token's
 * SHA-256, so neither the token nor a comparison an attacker could time sits in the cache; it keeps
 * only the claims, not the token. Refused tokens are never kept. Whoever replaces the signing keys
 * calls {@link #forgetAll()}: a verdict must not outlive the key that earned it.
 */
final class VerifiedTokens {

    private final Cache<ByteBuffer, Claims> cache;

    /** What a verdict needs besides the token, which the caller holds already. */
    private record Claims(String subject, String displayName, Optional<String> nonce, Instant expiresAt) {
    }

    VerifiedTokens(int maxSize, Duration clockSkew, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((ByteBuffer token, Claims claims) ->
                        Duration.between(Instant.now(), claims.expiresAt().plus(clockSkew))))
                .recordStats()
                // Housekeeping on the calling thread, as for the credential cache: no pool wake-ups per read.
                .executor(Runnable::run)
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "portal.tokens");
    }

    /** The verdict on exactly this token, when it passed before and has not expired since. */
    Optional<VerifiedIdToken> lookUp(String compact) {
        if (compact == null) {
            return Optional.empty();
        }
        Claims claims = cache.getIfPresent(digest(compact));
        return Optional.ofNullable(claims).map(c -> new VerifiedIdToken(c.subject(), c.displayName(), c.nonce(),
                c.expiresAt(), compact));
    }

    VerifiedIdToken keep(VerifiedIdToken token) {
        cache.put(digest(token.compact()), new Claims(token.subject(), token.displayName(), token.nonce(), token.expiresAt()));
        return token;
    }

    void forgetAll() {
        cache.invalidateAll();
    }

    private static ByteBuffer digest(String compact) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(compact.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
