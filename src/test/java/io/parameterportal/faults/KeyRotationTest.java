package io.parameterportal.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A token's verdict is kept for its repeat views, but not past the key that earned it: once the
 * pool publishes other keys, a token of the retired key is refused, even one accepted just before.
 */
@QuarkusTest
@TestProfile(KeyRotationProfile.class)
class KeyRotationTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @Test
    void tokensOfARetiredKeyAreRefusedEvenAfterAnEarlierYes() throws Exception {
        String beforeRotation = aws.idToken(UUID.randomUUID().toString(), "Early");
        session(beforeRotation).statusCode(200);
        session(beforeRotation).statusCode(200);

        aws.rotateKey();
        session(aws.idToken(UUID.randomUUID().toString(), "Late")).statusCode(200).body("name", equalTo("Late"));

        session(beforeRotation).statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("key (kid) that the user pool does not publish"));
    }

    private static ValidatableResponse session(String token) {
        return given().contentType(ContentType.JSON).body("{\"idToken\":\"" + token + "\"}")
                .when().post("/api/session").then();
    }
}
