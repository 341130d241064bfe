package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A token's verdict is kept for its repeat views, but not past the key that earned it: once the
 * pool publishes other keys, a token of the retired key is refused, even one accepted just before.
 */
@QuarkusTest
@TestProfile(FaultProfiles.KeyRotation.class)
class KeyRotationTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @Test
    void tokensOfARetiredKeyAreRefusedEvenAfterAnEarlierYes() throws Exception {
        String beforeRotation = aws.idToken(UUID.randomUUID().toString(), "Early");
        postSession(beforeRotation).statusCode(200);
        postSession(beforeRotation).statusCode(200);

        aws.rotateKey();
        postSession(aws.idToken(UUID.randomUUID().toString(), "Late")).statusCode(200).body("name", equalTo("Late"));

        postSession(beforeRotation).statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("reason", equalTo(TokenRejection.UNKNOWN_KEY.name()));
    }
}
