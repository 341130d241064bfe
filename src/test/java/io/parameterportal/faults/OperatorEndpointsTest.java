package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * What operators watch: health checks and the named meters, after a first and a repeat view — on the
 * management port only; the public port answers every spelling of {@code /q/...} with 404.
 */
@QuarkusTest
@TestProfile(FaultsProfile.class)
class OperatorEndpointsTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/q/health/ready", "/q/health/live", "/%71/metrics", "/q/../q/metrics",
            "/./q/health/ready", "/Q/metrics", "/q//metrics", "/q/metrics/", "/api/../q/metrics", "/%2571/metrics" })
    void thePublicPortHasNoOperatorEndpointsInAnySpelling(String path) throws Exception {
        assertThat(rawGet(RestAssured.port, path)).startsWith("HTTP/1.1 404");
    }

    @Test
    void healthIsUpAndNamesTheKeyCheck() {
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("user-pool-keys"));
    }

    @Test
    void metricsCountRequestsAwsCallsAndCacheHitsAndMisses() throws Exception {
        String token = aws.idToken(UUID.randomUUID().toString(), "Metered");
        for (int view = 0; view < 2; view++) {
            postSession(token).statusCode(200);
        }

        given().when().get(metrics).then().statusCode(200)
                .body(containsString("portal_aws_calls_total{operation=\"GetId\",outcome=\"success\",service=\"CognitoIdentity\"}"))
                .body(containsString("portal_aws_calls_total{operation=\"GetCredentialsForIdentity\",outcome=\"success\",service=\"CognitoIdentity\"}"))
                .body(containsString("portal_aws_calls_total{operation=\"GetParameter\",outcome=\"success\",service=\"Ssm\"}"))
                .body(containsString("cache_gets_total{cache=\"portal.credentials\",result=\"hit\"}"))
                .body(containsString("cache_gets_total{cache=\"portal.credentials\",result=\"miss\"}"))
                .body(containsString("cache_gets_total{cache=\"portal.tokens\",result=\"hit\"}"))
                .body(containsString("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/session\"}"));
    }

    /** The request line exactly as written: HTTP clients would normalize these paths before sending them. */
    private static String rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
