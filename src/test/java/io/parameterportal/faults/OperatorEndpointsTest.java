package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What operators watch: health checks and the named meters, after a first and a repeat view. */
@QuarkusTest
@TestProfile(FaultsProfile.class)
class OperatorEndpointsTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @Test
    void healthIsUpAndNamesTheKeyCheck() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("user-pool-keys"));
    }

    @Test
    void metricsCountRequestsAwsCallsAndCacheHitsAndMisses() throws Exception {
        String token = aws.idToken(UUID.randomUUID().toString(), "Metered");
        for (int view = 0; view < 2; view++) {
            postSession(token).statusCode(200);
        }

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("portal_aws_calls_total{operation=\"GetId\",outcome=\"success\",service=\"CognitoIdentity\"}"))
                .body(containsString("portal_aws_calls_total{operation=\"GetCredentialsForIdentity\",outcome=\"success\",service=\"CognitoIdentity\"}"))
                .body(containsString("portal_aws_calls_total{operation=\"GetParameter\",outcome=\"success\",service=\"Ssm\"}"))
                .body(containsString("cache_gets_total{cache=\"portal.credentials\",result=\"hit\"}"))
                .body(containsString("cache_gets_total{cache=\"portal.credentials\",result=\"miss\"}"))
                .body(containsString("cache_gets_total{cache=\"portal.tokens\",result=\"hit\"}"))
                .body(containsString("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/session\"}"));
    }
}
