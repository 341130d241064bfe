package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each upstream fault ends in its contract answer, and the service recovers by itself once the
 * fault clears. Each test signs in a new user, so no cached credentials hide the fault.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
class UpstreamFaultsTest extends StandInTest {

    /** The SDK's standard retry policy makes three attempts. */
    private static final int SDK_ATTEMPTS = 3;

    @Test
    void jwksDownWithKeysCachedStillSignsIn() throws Exception {
        postSession(aws.idToken(newUser(), "Warm")).statusCode(200);
        aws.fail("Jwks", Fault.dropped());

        postSession(aws.idToken(newUser(), "Still Works")).statusCode(200).body("name", equalTo("Still Works"));
    }

    @Test
    void throttledParameterStoreGives503WithRetryAfter() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "ThrottlingException"));

        postSession(aws.idToken(newUser(), "Busy")).statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", equalTo("1"))
                .body("name", equalTo("Busy"));
    }

    @Test
    void throttledIdentityPoolGives503WithRetryAfter() throws Exception {
        aws.fail("GetId", Fault.error(400, "TooManyRequestsException"));

        postSession(aws.idToken(newUser(), "Busy")).statusCode(503).header("Retry-After", equalTo("1"));
    }

    @Test
    void serverErrorGives502AfterTheSdksBoundedRetries() throws Exception {
        String token = aws.idToken(newUser(), "Unlucky");
        postSession(token).statusCode(200);
        aws.fail("GetParameter", Fault.error(500, "InternalServerError"));
        int before = aws.calls("GetParameter");

        postSession(token).statusCode(502).contentType(Problem.MEDIA_TYPE).body("status", equalTo(502));
        assertThat(aws.calls("GetParameter") - before).isEqualTo(SDK_ATTEMPTS);

        aws.heal();
        postSession(token).statusCode(200);
    }

    @Test
    void slowUpstreamGives504WithoutWaitingForTheAnswer() throws Exception {
        aws.fail("GetParameter", Fault.held());

        postSession(aws.idToken(newUser(), "Patient")).statusCode(504).contentType(Problem.MEDIA_TYPE);
        // Answered at portal.upstream-timeout (1 s in this profile) while SSM still had not answered.
        assertThat(aws.stalled("GetParameter")).as("reads SSM still holds").isEqualTo(1);
    }

    @Test
    void credentialsAwsNoLongerHonoursAreTradedAgainOnce() throws Exception {
        String token = aws.idToken(newUser(), "Revoked");
        postSession(token).statusCode(200);
        int tradesBefore = aws.calls("GetCredentialsForIdentity");
        aws.failOnce("GetParameter", Fault.error(400, "UnrecognizedClientException"));

        postSession(token).statusCode(200).body("parameter.value", equalTo("Authenticated"));
        assertThat(aws.calls("GetCredentialsForIdentity") - tradesBefore).isEqualTo(1);
    }

    @Test
    void credentialsRefusedAgainAfterRenewalGive502() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "ExpiredTokenException"));
        int tradesBefore = aws.calls("GetCredentialsForIdentity");
        int readsBefore = aws.calls("GetParameter");

        postSession(aws.idToken(newUser(), "Twice Refused")).statusCode(502).contentType(Problem.MEDIA_TYPE);
        assertThat(aws.calls("GetCredentialsForIdentity") - tradesBefore).as("trades: the first and the renewal").isEqualTo(2);
        assertThat(aws.calls("GetParameter") - readsBefore).as("reads: with each set of credentials").isEqualTo(2);
    }

    @Test
    void droppedConnectionGives502() throws Exception {
        aws.fail("GetParameter", Fault.dropped());

        postSession(aws.idToken(newUser(), "Dropped")).statusCode(502).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void refusedConnectionGives502AndRecoversWhenTheServerReturns() throws Exception {
        String token = aws.idToken(newUser(), "Refused");
        postSession(token).statusCode(200);
        int port = aws.port();
        aws.stop();
        try {
            postSession(token).statusCode(502).contentType(Problem.MEDIA_TYPE);
        } finally {
            aws.start(port);
        }
        postSession(token).statusCode(200).body("parameter.value", equalTo("Authenticated"));
    }

    @Test
    void identityPoolRefusalGives403NamingTheUser() throws Exception {
        aws.fail("GetId", Fault.error(400, "NotAuthorizedException"));

        postSession(aws.idToken(newUser(), "Outsider")).statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("name", equalTo("Outsider"));
    }

    @Test
    void parameterStoreDenialGives403NamingTheUser() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "AccessDeniedException"));

        postSession(aws.idToken(newUser(), "Nosy")).statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("name", equalTo("Nosy"))
                .body("detail", containsString("denied"));
    }

    @Test
    void missingParameterGives404() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "ParameterNotFound"));

        postSession(aws.idToken(newUser(), "Seeker")).statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
