package io.parameterportal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.parameterportal.aws.UpstreamFailures;
import io.parameterportal.cache.QuietLoads;
import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityAsyncClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;

/**
 * Trades a verified id token for the user's own AWS credentials at the identity pool (GetId, then
 * GetCredentialsForIdentity), and keeps them for repeat views of <em>that token</em> (and role) only,
 * for at most {@code portal.credential-cache.max-age}: Cognito checks the token at every trade, so a
 * user it no longer honours (signed out globally, disabled, deleted) loses access through the portal
 * within that time, and another token of the same user never rides on these credentials. Concurrent
 * first views of one token share a single pair of upstream calls; at most
 * {@code portal.credential-cache.max-size} tokens are kept.
 */
@Singleton
public class IdentityCredentials {

    /** Credentials are bound to the exact token (its digest) and the role they were issued for. */
    private record Binding(String tokenDigest, Optional<String> role) {
    }

    private final CognitoIdentityAsyncClient identityPool;
    private final CognitoPool pool;
    private final Clock clock;
    private final AsyncCache<Binding, UserCredentials> cache;

    IdentityCredentials(CognitoIdentityAsyncClient identityPool, CognitoPool pool, PortalConfig.CredentialCache reuse, Clock clock, Ticker ticker,
            MeterRegistry registry) {
        this.identityPool = identityPool;
        this.pool = pool;
        this.clock = clock;
        Duration maxAge = reuse.maxAge();
        this.cache = Caffeine.newBuilder()
                .maximumSize(reuse.maxSize())
                .ticker(ticker)
                .expireAfter(Expiry.creating((Binding binding, UserCredentials credentials) ->
                        Duration.between(clock.instant(), credentials.reuseUntil(maxAge))))
                .recordStats()
                // Housekeeping on the calling thread: handing it to the common pool wakes a thread
                // for every few reads of a hot entry, which cost more than the housekeeping itself.
                .executor(Runnable::run)
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, cache, "portal.credentials");
    }

    /**
     * The user's credentials for this token, in {@code role} when given (which the caller has checked
     * against the token's {@code cognito:roles}), else in the role the identity pool maps the token to.
     * Fails with {@link io.parameterportal.aws.UpstreamFailure} when the identity pool refuses or fails.
     */
    public Uni<UserCredentials> forToken(VerifiedIdToken token, Optional<String> role) {
        // The trade of a request whose client leaves still completes and is cached (the cache's future is never
        // cancelled): the user's next view, typically a reload, costs no new trade, and the views of the same
        // token waiting on this single-flight entry are not failed by one of them leaving.
        return QuietLoads.uni(() -> cache.get(new Binding(token.digest(), role),
                        (binding, executor) -> QuietLoads.quiet(trade(token, role))))
                .onFailure().transform(UpstreamFailures::classify);
    }

    /**
     * Drops the credentials of this token and role when AWS no longer honours them (revoked, or expired
     * early by a skewed clock), so that the next {@link #forToken} trades the token again. Only drops
     * exactly {@code rejected}: credentials a concurrent request already renewed stay.
     */
    public void forget(VerifiedIdToken token, Optional<String> role, UserCredentials rejected) {
        cache.synchronous().asMap().remove(new Binding(token.digest(), role), rejected);
    }

    /**
     * Drops every credential traded for the token with this digest, in any role: its user signed out, so the next
     * request with the same token (a replayed cookie) must go to the identity pool again.
     */
    public void forgetToken(String tokenDigest) {
        cache.synchronous().asMap().keySet().removeIf(binding -> binding.tokenDigest().equals(tokenDigest));
    }

    private CompletableFuture<UserCredentials> trade(VerifiedIdToken token, Optional<String> role) {
        Map<String, String> logins = Map.of(pool.providerName(), token.compact());
        return identityPool.getId(request -> request.identityPoolId(pool.identityPoolId()).logins(logins))
                .thenCompose(id -> identityPool.getCredentialsForIdentity(request -> request
                        .identityId(id.identityId())
                        .logins(logins)
                        .customRoleArn(role.orElse(null))))
                .thenApply(response -> {
                    Credentials issued = response.credentials();
                    return new UserCredentials(response.identityId(),
                            AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken()),
                            clock.instant(), issued.expiration());
                });
    }
}
