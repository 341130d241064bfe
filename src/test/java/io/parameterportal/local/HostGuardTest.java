package io.parameterportal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Against DNS rebinding: a page of another site that points its own name at 127.0.0.1 makes the
 * browser send that name as Host; local mode answers it 421 with a problem saying why, on every
 * address — pages, API and stand-ins — and answers loopback names as usual.
 */
@QuarkusTest
class HostGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127.0.0.1", "[::1]", "LOCALHOST", "127.0.0.2" })
    void loopbackHostsAreServed(String host) throws Exception {
        assertThat(RawHttp.get(RestAssured.port, "/", host + ":" + RestAssured.port)).startsWith("HTTP/1.1 200");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/signin", "/api/session", "/local/login", "/local/oauth2/authorize", "/js/signin.js" })
    void aForeignHostIsMisdirectedEverywhere(String path) throws Exception {
        String answer = RawHttp.get(RestAssured.port, path, "rebound.attacker.example:" + RestAssured.port);

        assertThat(answer).startsWith("HTTP/1.1 421").contains("application/problem+json")
                .contains("PORTAL_LOCAL_ALLOWED_HOSTS");
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost.attacker.example", "127.0.0.1.nip.io", "0.0.0.0", "192.168.1.10", "" })
    void namesThatOnlyLookLocalAreMisdirectedToo(String host) throws Exception {
        assertThat(RawHttp.get(RestAssured.port, "/", host)).startsWith("HTTP/1.1 421");
    }
}
