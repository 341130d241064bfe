package io.parameterportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code flow's public-host rule, without an app: sign-in and sign-out only where PORTAL_PUBLIC_URL says. */
class PublicHostOnlyTest {

    private static final URI PUBLIC_URL = URI.create("https://portal.example.com");
    private static final URI PUBLIC_URL_WITH_PORT = URI.create("https://portal.example.com:8443");

    @ParameterizedTest
    @ValueSource(strings = { "/login", "/signin", "/logout" })
    void signInAndOutAreServedAtThePublicHostInAnyCase(String path) {
        assertThat(PublicHostOnly.refusal(path, "portal.example.com", PUBLIC_URL)).isEmpty();
        assertThat(PublicHostOnly.refusal(path, "Portal.EXAMPLE.com", PUBLIC_URL)).isEmpty();
        assertThat(PublicHostOnly.refusal(path, "portal.example.com:8443", PUBLIC_URL_WITH_PORT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/login", "/signin", "/logout" })
    void signInAndOutAtAnyOtherHostAreMisdirected(String path) {
        for (String host : new String[] { "attacker.example", "portal.example.com.attacker.example", "portal.example.com:8443", "" }) {
            assertThat(PublicHostOnly.refusal(path, host, PUBLIC_URL)).as("Host %s", host).hasValueSatisfying(problem -> {
                assertThat(problem.status()).isEqualTo(421);
                assertThat(problem.detail()).contains("https://portal.example.com only (PORTAL_PUBLIC_URL)");
            });
        }
        assertThat(PublicHostOnly.refusal(path, null, PUBLIC_URL)).as("no Host at all").isPresent();
        assertThat(PublicHostOnly.refusal(path, "portal.example.com", PUBLIC_URL_WITH_PORT)).as("the public URL's port left out").isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/session", "/login/", "/signin/x", "/Logout", "/local/login" })
    void otherPathsAreServedAtAnyHost(String path) {
        assertThat(PublicHostOnly.refusal(path, "attacker.example", PUBLIC_URL)).isEmpty();
    }
}
