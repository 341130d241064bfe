package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * What operators watch: health checks and the named meters, after a first and a repeat view — on the
 * management port only; the public port answers every spelling of {@code /q/...} with 404.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
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
        assertThat(RawHttp.get(RestAssured.port, path, "localhost")).startsWith("HTTP/1.1 404");
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
        Map<String, Double> before = series();
        String token = aws.idToken(UUID.randomUUID().toString(), "Metered");
        for (int view = 0; view < 2; view++) {
            postSession(token).statusCode(200);
        }
        Map<String, Double> after = series();

        // Micrometer creates the cache meters at 0 on start: only the counts say they count.
        Map<String, Double> expected = Map.of(
                "portal_aws_calls_total{operation=\"GetId\",outcome=\"success\",service=\"CognitoIdentity\"}", 1.0,
                "portal_aws_calls_total{operation=\"GetCredentialsForIdentity\",outcome=\"success\",service=\"CognitoIdentity\"}", 1.0,
                "portal_aws_calls_total{operation=\"GetParameter\",outcome=\"success\",service=\"Ssm\"}", 2.0,
                "cache_gets_total{cache=\"portal.credentials\",result=\"miss\"}", 1.0,
                "cache_gets_total{cache=\"portal.credentials\",result=\"hit\"}", 1.0,
                "cache_gets_total{cache=\"portal.tokens\",result=\"hit\"}", 1.0,
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/session\"}", 2.0);
        expected.forEach((name, count) -> assertThat(after.get(name) - before.getOrDefault(name, 0.0)).as(name).isEqualTo(count));
    }

    /** Every series of the Prometheus text and its value. */
    private Map<String, Double> series() {
        Map<String, Double> values = new HashMap<>();
        for (String line : given().when().get(metrics).then().statusCode(200).extract().asString().split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return values;
    }
}
