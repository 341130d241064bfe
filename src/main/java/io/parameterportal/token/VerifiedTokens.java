package io.parameterportal.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.jose4j.lang.HashUtil;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Tokens that passed every check, so that a repeat view with the same token skips jose4j's JSON
 * parsing and RSA check. An id token cannot change, so its verdict holds until it expires ({@code exp}
 * plus the clock skew the checks allow); after that it is checked afresh and refused with the usual
 * sentence. The entry is keyed by the token's SHA-256, so neither the token nor a comparison an
 * attacker could time sits in the cache; it keeps only the claims. Refused tokens are never kept.
 * A verdict names the key set that earned it and counts only while that key set is the one held: a
 * verdict can never outlive its key, even one written while the keys were being replaced.
 */
public final class VerifiedTokens {

    private final Cache<String, Verdict> cache;

    /** What a verdict needs besides the token, which the caller holds already. */
    private record Verdict(SigningKeys.KeySet keys, String subject, String displayName, Optional<String> nonce,
            Instant issuedAt, Instant expiresAt, List<String> roles, Optional<String> preferredRole) {
    }

    VerifiedTokens(int maxSize, Duration clockSkew, Clock clock, Ticker ticker, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .expireAfter(Expiry.creating((String digest, Verdict verdict) ->
                        Duration.between(clock.instant(), verdict.expiresAt().plus(clockSkew))))
                .recordStats()
                // Housekeeping on the calling thread: handing it to a pool wakes a thread every few reads.
                .executor(Runnable::run)
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, "portal.tokens");
    }

    /** The verdict on exactly this token, when it passed with {@code keys} and has not expired since. */
    Optional<VerifiedIdToken> lookUp(String compact, String digest, SigningKeys.KeySet keys) {
        Verdict verdict = cache.getIfPresent(digest);
        if (verdict == null || verdict.keys() != keys) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedIdToken(verdict.subject(), verdict.displayName(), verdict.nonce(),
                verdict.issuedAt(), verdict.expiresAt(), verdict.roles(), verdict.preferredRole(), compact, digest));
    }

    VerifiedIdToken keep(VerifiedIdToken token, SigningKeys.KeySet keys) {
        cache.put(token.digest(), new Verdict(keys, token.subject(), token.displayName(), token.nonce(),
                token.issuedAt(), token.expiresAt(), token.roles(), token.preferredRole()));
        return token;
    }

    /** SHA-256 of the token's UTF-8 bytes, base64 (the verifier lets only ASCII tokens this far). */
    public static String digestOf(String compact) {
        return Base64.getEncoder().encodeToString(
                HashUtil.getMessageDigest(HashUtil.SHA_256).digest(compact.getBytes(StandardCharsets.UTF_8)));
    }
}
