package io.parameterportal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.parameterportal.testing.AppProfiles;

/**
 * PORTAL_LOCAL_ALLOW_REMOTE=true, as inside a container, only lifts the bind check: the Host check
 * stays, admitting loopback names and PORTAL_LOCAL_ALLOWED_HOSTS ({@code portal.lan} here), so a
 * DNS-rebinding page is still misdirected.
 */
@QuarkusTest
@TestProfile(AppProfiles.RemoteAllowed.class)
class RemoteHostGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "portal.lan", "PORTAL.LAN", "localhost", "127.0.0.1" })
    void loopbackAndAllowedHostsAreServed(String host) throws Exception {
        assertThat(RawHttp.get(RestAssured.port, "/", host + ":8080")).startsWith("HTTP/1.1 200");
    }

    @ParameterizedTest
    @ValueSource(strings = { "rebound.attacker.example", "portal.lan.attacker.example", "192.168.1.10" })
    void aReboundHostIsMisdirectedEvenWithRemoteAccessAllowed(String host) throws Exception {
        String answer = RawHttp.get(RestAssured.port, "/signin", host + ":8080");

        assertThat(answer).startsWith("HTTP/1.1 421").contains("application/problem+json").contains("PORTAL_LOCAL_ALLOWED_HOSTS");
    }
}
