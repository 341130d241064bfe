package io.parameterportal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.parameterportal.config.PortalSettings;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Trades a verified id token for the user's own AWS credentials at the identity pool
 * (GetId, then GetCredentialsForIdentity), and keeps them per user ({@code sub} of the one
 * configured pool) until {@link UserCredentials#reuseUntil()}. Concurrent first requests of one
 * user share a single pair of upstream calls; the cache holds at most
 * {@code portal.credential-cache.max-size} users.
 */
@ApplicationScoped
public class IdentityCredentials {

    private final CognitoIdentityAsyncClient identityPool;
    private final PortalSettings settings;
    private final AsyncCache<String, UserCredentials> cache;

    IdentityCredentials(CognitoIdentityAsyncClient identityPool, PortalSettings settings,
            MeterRegistry registry) {
        this.identityPool = identityPool;
        this.settings = settings;
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.credentialCache().maxSize())
                .expireAfter(Expiry.creating((String user, UserCredentials credentials) ->
                        Duration.between(Instant.now(), credentials.reuseUntil())))
                .recordStats()
                // Housekeeping on the calling thread: handing it to the common pool wakes a thread
                // for every few reads of a hot entry, which cost more than the housekeeping itself.
                .executor(Runnable::run)
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, cache, "portal.credentials");
    }

    public Uni<UserCredentials> forUser(VerifiedIdToken token) {
        return Uni.createFrom().completionStage(() -> cache.get(token.subject(), (user, executor) -> fetch(token)));
    }

    /**
     * Drops the user's cached credentials when AWS no longer honours them (revoked, or expired early by
     * a skewed clock), so that the next {@link #forUser} trades the token again. Only drops exactly
     * {@code rejected}: credentials a concurrent request already renewed stay.
     */
    public void forget(VerifiedIdToken token, UserCredentials rejected) {
        cache.synchronous().asMap().remove(token.subject(), rejected);
    }

    private CompletableFuture<UserCredentials> fetch(VerifiedIdToken token) {
        Map<String, String> logins = Map.of(settings.providerName(), token.compact());
        return identityPool.getId(request -> request.identityPoolId(settings.identityPoolId()).logins(logins))
                .thenCompose(id -> identityPool.getCredentialsForIdentity(request -> request
                        .identityId(id.identityId())
                        .logins(logins)))
                .thenApply(response -> {
                    Credentials issued = response.credentials();
                    return new UserCredentials(response.identityId(),
                            AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken()),
                            Instant.now(), issued.expiration());
                });
    }
}
