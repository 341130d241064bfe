package io.parameterportal.token;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalSettings;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Verifies Cognito id tokens of the configured user pool and app client. */
@ApplicationScoped
public class IdTokenVerifier {

    private final IdTokenRules rules;
    private final PortalConfig config;

    IdTokenVerifier(PortalSettings settings, PortalConfig config, UserPoolKeys keys) {
        this.rules = new IdTokenRules(settings.issuer(), settings.clientId(), config.token().clockSkew(), keys.resolver());
        this.config = config;
    }

    /**
     * Fails with {@link InvalidTokenException} for a token that is not ours, or
     * {@link SigningKeysUnavailableException} when the keys to judge it cannot be had in time.
     */
    public Uni<VerifiedIdToken> verify(String idToken) {
        // A JWKS fetch may block inside jose4j, so checks run on a worker thread, and jose4j's
        // fetch timeouts aside, the whole step is bounded here too.
        return Uni.createFrom().item(() -> rules.check(idToken))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(config.upstreamTimeout())
                .failWith(() -> new SigningKeysUnavailableException("The user pool's signing keys did not arrive in time.", null));
    }
}
