package io.parameterportal.session;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.DefaultTokenStateManager;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * quarkus-oidc's own session cookie (its {@link DefaultTokenStateManager} writes and reads it, encrypted with
 * {@code PORTAL_SESSION_SECRET}), with the tokens of recently read cookies kept for a minute so that a user's next
 * requests do not decrypt the same cookie again: decrypting it was the largest part of a repeat view's session work
 * once the id token is verified only once (docs/performance.md). quarkus-oidc's documented way to change how sessions
 * are kept is a {@code TokenStateManager} bean of its own; this one is quarkus-oidc's default one (so quarkus-oidc
 * treats its cookie as its own: one encryption of all tokens) that remembers.
 *
 * <p>Nothing changes in what a cookie means: the same cookie always decrypts to the same tokens (they are the
 * cookie's whole content), a cookie that does not decrypt is never kept, and what quarkus-oidc then does with the
 * tokens (verify, refresh, end the session) is as before. A cookie quarkus-oidc deletes (sign-out) is forgotten here
 * too. The cache is small and short-lived: it holds tokens, and a 48 MB heap.
 */
@Alternative
@Priority(1)
@ApplicationScoped
class DecryptedSessionCookies extends DefaultTokenStateManager {

    static final int MAX_COOKIES = 1_000;
    static final Duration KEPT_AFTER_LAST_USE = Duration.ofMinutes(1);

    /** Keyed by the cookie's value, which names its tokens exactly (it is their encryption). */
    private final Cache<String, AuthorizationCodeTokens> decrypted;

    @Inject
    DecryptedSessionCookies(Ticker ticker, MeterRegistry registry) {
        this(ticker);
        CaffeineCacheMetrics.monitor(registry, decrypted, "portal.session.cookies");
    }

    DecryptedSessionCookies(Ticker ticker) {
        this.decrypted = Caffeine.newBuilder()
                .maximumSize(MAX_COOKIES)
                .expireAfterAccess(KEPT_AFTER_LAST_USE)
                .ticker(ticker)
                .recordStats()
                // Housekeeping on the calling thread: handing it to a pool wakes a thread every few reads.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        AuthorizationCodeTokens known = decrypted.getIfPresent(tokenState);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return decrypt(routingContext, oidcConfig, tokenState, requestContext)
                .invoke(tokens -> decrypted.put(tokenState, tokens));
    }

    /** quarkus-oidc's reading of the cookie: decrypting it and splitting it into its tokens. */
    Uni<AuthorizationCodeTokens> decrypt(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return super.getTokens(routingContext, oidcConfig, tokenState, requestContext);
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        decrypted.invalidate(tokenState);
        return super.deleteTokens(routingContext, oidcConfig, tokenState, requestContext);
    }
}
