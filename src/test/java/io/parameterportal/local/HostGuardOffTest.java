package io.parameterportal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** PORTAL_LOCAL_ALLOW_REMOTE=true serves other host names as well, as a container's published port needs. */
@QuarkusTest
@TestProfile(RemoteAllowedProfile.class)
class HostGuardOffTest {

    @Test
    void anyHostIsServedWhenRemoteAccessIsForced() throws Exception {
        assertThat(RawHttp.get(RestAssured.port, "/", "portal.lan:8080")).startsWith("HTTP/1.1 200");
    }
}
