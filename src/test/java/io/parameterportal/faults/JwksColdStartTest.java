package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.web.Problem;
import io.parameterportal.testing.AwsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A service that never got the user pool's keys answers 503, says not ready, and recovers by itself. */
@QuarkusTest
@TestProfile(JwksColdStartProfile.class)
class JwksColdStartTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @Test
    void jwksDownWithNoKeysCachedGives503AndNotReadyThenRecovers() throws Exception {
        aws.fail("Jwks", Fault.dropped());
        String token = aws.idToken("cold-user", "Early Bird");

        postSession(token).statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("signing keys"));
        assertThat(aws.totalAwsCalls()).isZero();
        given().when().get("/q/health/ready").then().statusCode(503);

        aws.heal();
        given().when().get("/q/health/ready").then().statusCode(200);
        postSession(token).statusCode(200).body("name", equalTo("Early Bird"));
    }
}
