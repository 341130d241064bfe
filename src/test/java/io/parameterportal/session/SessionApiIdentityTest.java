package io.parameterportal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.token.VerifiedIdToken;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * When the portal's verifier answers for a session's id token, and when it leaves the request to quarkus-oidc (an
 * answer of {@code null}): without an app, the verifier and the request given directly.
 */
class SessionApiIdentityTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration LONG_ENOUGH = CodeFlowTenant.REFRESH_BEFORE_EXPIRY.plusSeconds(1);

    private final List<String> asked = new ArrayList<>();

    @Test
    void aRepeatApiRequestsTokenIsVouchedForByThePortalsVerifier() {
        RoutingContext http = requestTo("/api/session");
        VerifiedIdToken token = expiringIn(LONG_ENOUGH);

        SecurityIdentity identity = authenticate(provider(token), new IdTokenCredential("the-id-token"), http);

        assertThat(asked).containsExactly("the-id-token");
        assertThat(identity.isAnonymous()).isFalse();
        assertThat(identity.getPrincipal().getName()).isEqualTo("sub-1");
        assertThat(identity.getCredential(IdTokenCredential.class).getToken()).isEqualTo("the-id-token");
        assertThat((VerifiedIdToken) identity.getAttribute(SessionApiIdentity.VERDICT)).isSameAs(token);
        assertThat(HttpSecurityUtils.getRoutingContextAttribute(identity)).isSameAs(http);
        assertThat(CodeFlowSession.isSession(identity)).isTrue();
    }

    @Test
    void everyApiEndpointIsServed() {
        for (String path : List.of("/api/session", "/api/parameter", "/api/history")) {
            assertThat(authenticate(provider(expiringIn(LONG_ENOUGH)), new IdTokenCredential("t"), requestTo(path))).as(path).isNotNull();
        }
    }

    @Test
    void signInSignOutAndPagesAreLeftToQuarkusOidc() {
        // Sign-out needs quarkus-oidc's whole identity (the refresh token to revoke, its provider client).
        for (String path : List.of("/logout", "/login", "/signin", "/", "/apis", "/api")) {
            assertThat(authenticate(provider(expiringIn(LONG_ENOUGH)), new IdTokenCredential("t"), requestTo(path))).as(path).isNull();
        }
        assertThat(asked).as("no verification outside the API").isEmpty();
    }

    @Test
    void aTokenDueForRefreshIsLeftToQuarkusOidcWhichRefreshesIt() {
        assertThat(authenticate(provider(expiringIn(CodeFlowTenant.REFRESH_BEFORE_EXPIRY)), new IdTokenCredential("t"),
                requestTo("/api/session"))).as("exactly at the refresh skew").isNull();
        assertThat(authenticate(provider(expiringIn(Duration.ZERO)), new IdTokenCredential("t"), requestTo("/api/session")))
                .as("expiring now").isNull();
        assertThat(authenticate(provider(expiringIn(Duration.ofMinutes(-5))), new IdTokenCredential("t"), requestTo("/api/session")))
                .as("expired").isNull();
    }

    @Test
    void onceLeftToQuarkusOidcTheRestOfTheRequestIsQuarkusOidcsToo() {
        // quarkus-oidc refreshes the token it was left, then verifies the new one through the same providers and
        // expects its own identity for it.
        RoutingContext http = requestTo("/api/session");
        assertThat(authenticate(provider(expiringIn(Duration.ofSeconds(30))), new IdTokenCredential("old"), http)).isNull();

        assertThat(authenticate(provider(expiringIn(Duration.ofMinutes(60))), new IdTokenCredential("refreshed"), http)).isNull();
        assertThat(asked).containsExactly("old");
        assertThat(authenticate(provider(expiringIn(Duration.ofMinutes(60))), new IdTokenCredential("next"), requestTo("/api/session")))
                .as("the next request").isNotNull();
    }

    @Test
    void aTokenTheVerifierRefusesIsLeftToQuarkusOidc() {
        SessionApiIdentity refusing = new SessionApiIdentity(compact -> {
            asked.add(compact);
            return Uni.createFrom().failure(new InvalidTokenException(TokenRejection.EXPIRED));
        }, CLOCK);

        RoutingContext http = requestTo("/api/session");
        assertThat(authenticate(refusing, new IdTokenCredential("t"), http)).isNull();
        assertThat(asked).containsExactly("t");
        assertThat(authenticate(provider(expiringIn(LONG_ENOUGH)), new IdTokenCredential("refreshed"), http))
                .as("the token quarkus-oidc refreshed it into").isNull();
    }

    @Test
    void onlyIdTokensOfHttpRequestsAreJudged() {
        assertThat(authenticate(provider(expiringIn(LONG_ENOUGH)), new AccessTokenCredential("access"), requestTo("/api/session")))
                .isNull();
        assertThat(authenticate(provider(expiringIn(LONG_ENOUGH)), new IdTokenCredential("t"), null)).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void itIsAskedBeforeQuarkusOidcsProvider() {
        IdentityProvider<TokenAuthenticationRequest> quarkusDefault = new IdentityProvider<>() {
            @Override
            public Class<TokenAuthenticationRequest> getRequestType() {
                return TokenAuthenticationRequest.class;
            }

            @Override
            public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                    io.quarkus.security.identity.AuthenticationRequestContext context) {
                return Uni.createFrom().nullItem();
            }
        };
        SessionApiIdentity provider = provider(expiringIn(LONG_ENOUGH));

        assertThat(provider.priority()).isGreaterThan(quarkusDefault.priority());
        assertThat(provider.getRequestType()).isEqualTo(TokenAuthenticationRequest.class);
    }

    private SessionApiIdentity provider(VerifiedIdToken verdict) {
        return new SessionApiIdentity(compact -> {
            asked.add(compact);
            return Uni.createFrom().item(verdict);
        }, CLOCK);
    }

    private static VerifiedIdToken expiringIn(Duration left) {
        return new VerifiedIdToken("sub-1", "ada", Optional.empty(), NOW.minusSeconds(60), NOW.plus(left), List.of(),
                Optional.empty(), "the-id-token", "digest");
    }

    private static SecurityIdentity authenticate(SessionApiIdentity provider, TokenCredential credential, RoutingContext http) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(credential);
        if (http != null) {
            HttpSecurityUtils.setRoutingContextAttribute(request, http);
        }
        return provider.authenticate(request, null).await().atMost(Duration.ofSeconds(5));
    }

    /** A request's routing context that knows only its path and its data, which is all the provider uses of it. */
    private static RoutingContext requestTo(String path) {
        Map<String, Object> data = new HashMap<>();
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(), new Class<?>[] { RoutingContext.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "normalizedPath" -> path;
                    case "get" -> data.get((String) arguments[0]);
                    case "put" -> {
                        data.put((String) arguments[0], arguments[1]);
                        yield proxy;
                    }
                    case "toString" -> "request to " + path;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
