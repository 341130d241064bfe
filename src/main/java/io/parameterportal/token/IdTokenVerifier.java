package io.parameterportal.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.PortalConfig;
import io.smallrye.mutiny.Uni;

/**
 * Verifies Cognito id tokens of the configured user pool and app client, never blocking: a token is
 * judged on the calling thread with the keys in memory ({@link SigningKeys#held()}). Only two cases
 * wait, asynchronously, for the JWKS: no keys held yet (the first sign-ins join the one fetch), and a
 * {@code kid} the held keys lack when a refetch is due (a key rotation). Any other unknown {@code kid}
 * is refused at once. A token that passed once is not checked again until it expires
 * ({@link VerifiedTokens}).
 */
@Singleton
public class IdTokenVerifier {

    private final IdTokenRules rules;
    private final SigningKeys keys;
    private final VerifiedTokens verified;
    private final Clock clock;
    private final Duration upstreamTimeout;

    IdTokenVerifier(CognitoPool pool, PortalConfig config, SigningKeys keys, Clock clock, Ticker ticker, MeterRegistry registry) {
        PortalConfig.Token rules = config.token();
        this.rules = new IdTokenRules(pool.issuer(), pool.clientId(), rules.clockSkew());
        this.keys = keys;
        this.verified = new VerifiedTokens(rules.cacheMaxSize(), rules.clockSkew(), clock, ticker, registry);
        this.clock = clock;
        this.upstreamTimeout = config.upstreamTimeout();
    }

    /**
     * Fails with {@link InvalidTokenException} for a token that is not ours, or
     * {@link SigningKeysUnavailableException} when no keys are held and none can be had in time.
     */
    public Uni<VerifiedIdToken> verify(String idToken) {
        try {
            IdTokenRules.requireCompactForm(idToken);
            Optional<SigningKeys.KeySet> held = keys.held();
            if (held.isEmpty()) {
                return keys.awaitFirstKeys()
                        .map(fetch -> bounded(fetch).map(fetched -> judge(idToken, fetched)))
                        .orElseGet(() -> Uni.createFrom().failure(new SigningKeysUnavailableException(
                                "The user pool's signing keys could not be fetched; the next attempt is due shortly.")));
            }
            return Uni.createFrom().item(judge(idToken, held.get()));
        } catch (InvalidTokenException e) {
            if (e.reason() != TokenRejection.UNKNOWN_KEY) {
                return Uni.createFrom().failure(e);
            }
            // Perhaps the pool rotated its keys: ask the JWKS, if a fetch is due; otherwise refuse now.
            // Should the JWKS not answer, the token still names a key we do not know: the same refusal.
            return keys.refetch()
                    .map(fetch -> bounded(fetch).map(fetched -> judge(idToken, fetched))
                            .onFailure(SigningKeysUnavailableException.class).transform(unavailable -> e))
                    .orElseGet(() -> Uni.createFrom().failure(e));
        }
    }

    private VerifiedIdToken judge(String idToken, SigningKeys.KeySet keySet) {
        String digest = VerifiedTokens.digestOf(idToken);
        return verified.lookUp(idToken, digest, keySet)
                .orElseGet(() -> verified.keep(rules.checkSigned(idToken, digest, keySet, clock.instant()), keySet));
    }

    /** The fetch is bounded already; this bounds the wait of each caller too, whatever happens below. */
    private Uni<SigningKeys.KeySet> bounded(Uni<SigningKeys.KeySet> fetch) {
        return fetch.ifNoItem().after(upstreamTimeout)
                .failWith(() -> new SigningKeysUnavailableException("The user pool's signing keys did not arrive in time."));
    }
}
