package io.parameterportal.token;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.config.PortalSettings;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Verifies Cognito id tokens of the configured user pool and app client. With the pool's keys in
 * memory a token is judged right away on the calling thread (an RS256 check, no I/O); otherwise —
 * first request, keys older than a few minutes, or an unknown {@code kid} after a key rotation — on a
 * worker thread, where jose4j may fetch the JWKS. A token that passed once is not checked again
 * until it expires ({@link VerifiedTokens}).
 */
@ApplicationScoped
public class IdTokenVerifier {

    private final IdTokenRules fromMemory;
    private final IdTokenRules fetching;
    private final UserPoolKeys keys;
    private final VerifiedTokens verified;
    private final PortalSettings settings;

    IdTokenVerifier(PortalSettings settings, UserPoolKeys keys, MeterRegistry registry) {
        this.fromMemory = new IdTokenRules(settings.issuer(), settings.clientId(), settings.token().clockSkew(),
                keys.inMemoryResolver());
        this.fetching = new IdTokenRules(settings.issuer(), settings.clientId(), settings.token().clockSkew(),
                keys.fetchingResolver());
        this.keys = keys;
        this.verified = new VerifiedTokens(settings.token().cacheMaxSize(), settings.token().clockSkew(), registry);
        this.settings = settings;
    }

    /**
     * Fails with {@link InvalidTokenException} for a token that is not ours, or
     * {@link SigningKeysUnavailableException} when the keys to judge it cannot be had in time.
     */
    public Uni<VerifiedIdToken> verify(String idToken) {
        Optional<VerifiedIdToken> known = verified.lookUp(idToken);
        if (known.isPresent()) {
            return Uni.createFrom().item(known.get());
        }
        if (keys.inMemory()) {
            try {
                return Uni.createFrom().item(verified.keep(fromMemory.check(idToken)));
            } catch (UnknownSigningKeyException e) {
                // Perhaps the pool rotated its keys: ask the JWKS (at most once per refetch interval).
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
        }
        // jose4j's fetch timeouts aside, the whole step is bounded here too.
        return Uni.createFrom().item(() -> checkFetching(idToken))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(settings.upstreamTimeout())
                .failWith(() -> new SigningKeysUnavailableException("The user pool's signing keys did not arrive in time.", null));
    }

    private VerifiedIdToken checkFetching(String idToken) {
        try {
            return verified.keep(fetching.check(idToken));
        } finally {
            if (keys.remember()) {
                verified.forgetAll();
            }
        }
    }
}
