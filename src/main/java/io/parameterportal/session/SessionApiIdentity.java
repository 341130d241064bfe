package io.parameterportal.session;

import java.time.Clock;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.VerifiedIdToken;
import io.parameterportal.web.ApiPaths;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The session's id token on an API request ({@code /api/…}), judged by the portal's own verifier — the one the
 * implicit flow uses, whose verdicts are cached per token — instead of quarkus-oidc verifying its signature again on
 * every request.
 *
 * <p>Why: quarkus-oidc reads the session cookie (authenticated encryption with {@code PORTAL_SESSION_SECRET}, so
 * its content is the one quarkus-oidc wrote at sign-in or refresh) and then verifies the id token inside it from
 * scratch each time: JSON parses and an RSA signature check per request, about a third of a repeat view's work
 * (profiled in docs/performance.md). The API verifies the token anyway before it trades it; asking that verifier
 * first makes one check, not two.
 *
 * <p>What stays quarkus-oidc's: reading and decrypting the cookie, the sign-in, sign-out, and every token this
 * provider does not vouch for. It answers nothing (so quarkus-oidc's own provider, next in priority, does everything
 * as before) for a request outside the API, a token its verifier refuses (expired, a key it cannot find), and a token
 * within {@link CodeFlowTenant#REFRESH_BEFORE_EXPIRY} of its expiry — so that quarkus-oidc's refresh, and a refresh
 * the user pool refuses, still end or renew the session as before; once it has left a request's token to
 * quarkus-oidc, the rest of that request (the refreshed token) is quarkus-oidc's as well.
 */
@Singleton
class SessionApiIdentity implements IdentityProvider<TokenAuthenticationRequest> {

    /**
     * Ahead of quarkus-oidc's provider, which has Quarkus' default (1001, {@link IdentityProvider#priority()}) and
     * answers whatever this one leaves: the higher priority is asked first.
     */
    static final int PRIORITY = 1002;
    /** The identity's attribute holding the verdict, which {@link CodeFlowSession} hands on rather than asking again. */
    static final String VERDICT = VerifiedIdToken.class.getName();
    /**
     * Marks a request whose session token this provider left to quarkus-oidc: the rest of it is quarkus-oidc's too.
     * Refreshing, quarkus-oidc verifies the new token through the same providers and then expects its own identity
     * (whose principal is a {@code JsonWebToken}).
     */
    static final String LEFT_TO_QUARKUS_OIDC = SessionApiIdentity.class.getName() + ".declined";

    private final Function<String, Uni<VerifiedIdToken>> verify;
    private final Clock clock;

    @Inject
    SessionApiIdentity(IdTokenVerifier verifier, Clock clock) {
        this(verifier::verify, clock);
    }

    SessionApiIdentity(Function<String, Uni<VerifiedIdToken>> verify, Clock clock) {
        this.verify = verify;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof IdTokenCredential idToken) || http == null
                || !ApiPaths.isApi(http.normalizedPath()) || http.get(LEFT_TO_QUARKUS_OIDC) != null) {
            return Uni.createFrom().nullItem();
        }
        return verify.apply(idToken.getToken())
                .map(token -> refreshDue(token) ? null : identity(token, idToken, http))
                // Whatever this verifier refuses, quarkus-oidc judges as it always did (refresh, or the session ends).
                .onFailure().recoverWithNull()
                .invoke(identity -> {
                    if (identity == null) {
                        http.put(LEFT_TO_QUARKUS_OIDC, Boolean.TRUE);
                    }
                });
    }

    private boolean refreshDue(VerifiedIdToken token) {
        return !clock.instant().isBefore(token.expiresAt().minus(CodeFlowTenant.REFRESH_BEFORE_EXPIRY));
    }

    private static SecurityIdentity identity(VerifiedIdToken token, IdTokenCredential idToken, RoutingContext http) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(token::subject)
                .addCredential(idToken)
                .addAttribute(VERDICT, token)
                .addAttribute(RoutingContext.class.getName(), http)
                .build();
    }
}
