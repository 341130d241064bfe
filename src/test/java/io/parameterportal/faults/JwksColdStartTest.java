package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.SigningKeysReset;
import io.parameterportal.testing.TestClock;
import io.parameterportal.web.Problem;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A service that never got the user pool's keys answers 503, says not ready, and recovers by itself —
 * at the next fetch attempt the refetch interval allows, not before. The app's key source is reset to its
 * state at start before the test, and again after it, so that the clock moved here leaves no fetch time behind.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
class JwksColdStartTest {

    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);

    @InjectAwsStandIn
    AwsStandIn aws;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @BeforeEach
    void noKeysHeld() {
        SigningKeysReset.forgetKeys();
    }

    @AfterEach
    void realTime() {
        aws.heal();
        TestClock.get().reset();
        SigningKeysReset.forgetKeys();
    }

    @Test
    void jwksDownWithNoKeysHeldGives503AndNotReadyThenRecoversAtTheNextAttempt() throws Exception {
        aws.fail("Jwks", Fault.dropped());
        String token = aws.idToken("cold-user", "Early Bird");
        // The test counts what one refetch interval allows: on a slow machine it must not pass between the steps.
        TestClock.get().standStill();
        int awsCallsBefore = aws.totalAwsCalls();
        int jwksBefore = aws.calls("Jwks");

        postSession(token).statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("signing keys"));
        assertThat(aws.totalAwsCalls()).isEqualTo(awsCallsBefore);
        given().when().get(ready).then().statusCode(503);
        assertThat(aws.calls("Jwks") - jwksBefore).as("one attempt per interval, however often asked").isEqualTo(1);

        aws.heal();
        given().when().get(ready).then().statusCode(503);
        postSession(token).statusCode(503);

        TestClock.get().advance(REFETCH_INTERVAL);
        given().when().get(ready).then().statusCode(200);
        postSession(token).statusCode(200).body("name", equalTo("Early Bird"));
        assertThat(aws.calls("Jwks") - jwksBefore).isEqualTo(2);
    }
}
