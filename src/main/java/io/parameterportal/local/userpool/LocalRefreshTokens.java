package io.parameterportal.local.userpool;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The refresh tokens the local token endpoint has issued with a code grant, as Cognito issues them: opaque (random, not
 * a JWT anyone could read), for one user and one app client, good for {@link #LIFETIME} (Cognito's default) — and
 * refused from the moment the token is revoked ({@code /oauth2/revoke}), the user is signed out globally
 * ({@code AdminUserGlobalSignOut}: every token issued up to then) or disabled. Time is the injected clock's; at most
 * {@link #MAX_TOKENS} are kept (the oldest are dropped beyond, which ends their sessions).
 */
@ApplicationScoped
class LocalRefreshTokens {

    static final Duration LIFETIME = Duration.ofDays(30);
    static final int MAX_TOKENS = 10_000;

    /** What a refresh token stands for: the sign-in it came from, and when it was issued. */
    record Grant(LocalUser user, String clientId, String scope, Authentication authentication, Instant issuedAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final IssuedGrants<Grant> tokens;
    private final LocalUsers users;
    private final Clock clock;

    LocalRefreshTokens(Ticker ticker, LocalUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.tokens = new IssuedGrants<>(ticker, MAX_TOKENS, LIFETIME);
    }

    String issue(LocalUser user, String clientId, String scope, Authentication authentication) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Grant(user, clientId, scope, authentication, clock.instant()));
        return token;
    }

    /** The grant of a token that is still good for this client; empty when unknown, expired, revoked or refused. */
    Optional<Grant> honour(String token, String clientId) {
        Optional<Grant> grant = tokens.find(token).filter(found -> found.clientId().equals(clientId));
        if (grant.isPresent() && users.refusal(grant.get().user().sub(), grant.get().issuedAt()).isPresent()) {
            tokens.forget(token);
            return Optional.empty();
        }
        return grant;
    }

    /** RFC 7009: the token is gone for good; an unknown one, or one of another client, is left alone. */
    void revoke(String token, String clientId) {
        tokens.forgetIf(token, grant -> grant.clientId().equals(clientId));
    }
}
