package io.parameterportal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The session cookie's tokens, remembered by the cookie's value: a cookie is decrypted once while it is in use, a
 * cookie that does not decrypt is never remembered, and a deleted (signed-out, refreshed) one is forgotten. Without
 * an app: the decryption is quarkus-oidc's, here a stand-in that counts.
 */
class DecryptedSessionCookiesTest {

    private static final OidcTenantConfig TENANT = OidcTenantConfig.builder().tenantId("portal-code-flow").build();

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> decrypted = new ArrayList<>();
    private final DecryptedSessionCookies cookies = new DecryptedSessionCookies(nanos::get) {
        @Override
        Uni<AuthorizationCodeTokens> decrypt(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
                OidcRequestContext<AuthorizationCodeTokens> requestContext) {
            decrypted.add(tokenState);
            if (tokenState.startsWith("forged")) {
                return Uni.createFrom().failure(new AuthenticationFailedException("does not decrypt"));
            }
            return Uni.createFrom().item(new AuthorizationCodeTokens("id-of-" + tokenState, null, "refresh-of-" + tokenState));
        }
    };

    @Test
    void aCookieInUseIsDecryptedOnce() {
        AuthorizationCodeTokens first = tokensOf("cookie-a");
        AuthorizationCodeTokens again = tokensOf("cookie-a");
        AuthorizationCodeTokens other = tokensOf("cookie-b");

        assertThat(again).isSameAs(first);
        assertThat(first.getIdToken()).isEqualTo("id-of-cookie-a");
        assertThat(other.getIdToken()).isEqualTo("id-of-cookie-b");
        assertThat(decrypted).containsExactly("cookie-a", "cookie-b");
    }

    @Test
    void aCookieThatDoesNotDecryptIsNeverRemembered() {
        assertThatThrownBy(() -> tokensOf("forged-1")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> tokensOf("forged-1")).isInstanceOf(AuthenticationFailedException.class);

        assertThat(decrypted).containsExactly("forged-1", "forged-1");
    }

    @Test
    void aDeletedCookieIsForgotten() {
        tokensOf("cookie-a");

        cookies.deleteTokens(null, TENANT, "cookie-a", null).await().atMost(Duration.ofSeconds(5));
        tokensOf("cookie-a");

        assertThat(decrypted).containsExactly("cookie-a", "cookie-a");
    }

    @Test
    void aCookieUnusedForAMinuteIsForgotten() {
        tokensOf("cookie-a");
        nanos.addAndGet(DecryptedSessionCookies.KEPT_AFTER_LAST_USE.minusSeconds(1).toNanos());
        tokensOf("cookie-a");
        assertThat(decrypted).as("used again within the minute").containsExactly("cookie-a");

        nanos.addAndGet(DecryptedSessionCookies.KEPT_AFTER_LAST_USE.toNanos());
        tokensOf("cookie-a");

        assertThat(decrypted).containsExactly("cookie-a", "cookie-a");
    }

    private AuthorizationCodeTokens tokensOf(String cookie) {
        return cookies.getTokens(null, TENANT, cookie, null).await().atMost(Duration.ofSeconds(5));
    }
}
