package io.parameterportal.token;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

import io.parameterportal.config.PortalConfig;
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

    private final HttpsJwks jwks;
    private final VerificationKeyResolver resolver;

    UserPoolKeys(PortalSettings settings, PortalConfig config) {
        int timeoutMillis = Math.toIntExact(config.upstreamTimeout().toMillis());
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
        jwks.setRefreshReprieveThreshold(config.token().jwksRefetchInterval().toMillis());
        resolver = new HttpsJwksVerificationKeyResolver(jwks);
    }

    VerificationKeyResolver resolver() {
        return resolver;
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
