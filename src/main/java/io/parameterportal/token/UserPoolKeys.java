package io.parameterportal.token;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import io.parameterportal.config.PortalSettings;

/**
 * The user pool's signing keys, fetched from its JWKS and cached by jose4j's {@link HttpsJwks}:
 * kept as long as the endpoint's cache headers say (an hour without them), kept through fetch
 * failures, and refetched for an unknown {@code kid} at most once per
 * {@code portal.token.jwks-refetch-interval}. Fetches block, bounded by {@code portal.upstream-timeout}.
 */
@ApplicationScoped
public class UserPoolKeys {

    private static final long DEFAULT_CACHE_SECONDS = 60 * 60;
    /** Cognito rotates keys rarely; during a JWKS outage the known keys stay good for a day. */
    private static final long RETAIN_ON_ERROR_SECONDS = 24 * 60 * 60;
    private static final int MAX_JWKS_BYTES = 64 * 1024;

    /** How long keys once fetched are used straight from memory before jose4j's cache is consulted again. */
    private static final Duration IN_MEMORY = Duration.ofMinutes(10);

    private final HttpsJwks jwks;
    private final VerificationKeyResolver resolver;
    private volatile InMemory inMemory;

    /** The keys of the last fetch, usable without any I/O until {@code until}. */
    private record InMemory(VerificationKeyResolver resolver, Set<String> keyIds, Instant until) {
    }

    UserPoolKeys(PortalSettings settings) {
        int timeoutMillis = Math.toIntExact(settings.upstreamTimeout().toMillis());
        Get get = new Get();
        get.setConnectTimeout(timeoutMillis);
        get.setReadTimeout(timeoutMillis);
        // One attempt per fetch: the refetch interval, not retries, paces the next try.
        get.setRetries(0);
        get.setResponseBodySizeLimit(MAX_JWKS_BYTES);
        jwks = new HttpsJwks(settings.jwksUri().toString());
        jwks.setSimpleHttpGet(get);
        jwks.setDefaultCacheDuration(DEFAULT_CACHE_SECONDS);
        jwks.setRetainCacheOnErrorDuration(RETAIN_ON_ERROR_SECONDS);
        jwks.setRefreshReprieveThreshold(settings.token().jwksRefetchInterval().toMillis());
        resolver = new HttpsJwksVerificationKeyResolver(jwks);
    }

    /** Resolves keys through jose4j's JWKS cache: may fetch, and so block. */
    VerificationKeyResolver fetchingResolver() {
        return resolver;
    }

    /**
     * Resolves keys from memory only, never blocking: fails with {@link UnresolvableKeyException} when
     * the kid is not among the keys at hand or they are older than {@link #IN_MEMORY}.
     */
    VerificationKeyResolver inMemoryResolver() {
        return (jws, nesting) -> {
            InMemory keys = inMemory;
            if (keys == null || Instant.now().isAfter(keys.until())) {
                throw new UnresolvableKeyException("no fresh keys in memory");
            }
            return keys.resolver().resolveKey(jws, nesting);
        };
    }

    boolean inMemory() {
        InMemory keys = inMemory;
        return keys != null && Instant.now().isBefore(keys.until());
    }

    /**
     * Takes the keys jose4j holds now into memory; called after a fetching verification, off the event loop.
     *
     * @return whether the key set differs from the one in memory before (by key id): then verdicts
     *         reached with the old keys no longer count
     */
    boolean remember() {
        try {
            List<JsonWebKey> keys = jwks.getJsonWebKeys();
            if (keys.isEmpty()) {
                return false;
            }
            Set<String> keyIds = keys.stream().map(JsonWebKey::getKeyId).collect(Collectors.toUnmodifiableSet());
            InMemory before = inMemory;
            inMemory = new InMemory(new JwksVerificationKeyResolver(keys), keyIds, Instant.now().plus(IN_MEMORY));
            return before != null && !before.keyIds().equals(keyIds);
        } catch (JoseException | IOException e) {
            // Nothing new to remember: the fetching path keeps answering until the JWKS is back.
            return false;
        }
    }

    /** Whether at least one key is cached or can be fetched now. Blocks at most one fetch. */
    public boolean available() {
        try {
            return !jwks.getJsonWebKeys().isEmpty();
        } catch (JoseException | IOException e) {
            return false;
        }
    }
}
