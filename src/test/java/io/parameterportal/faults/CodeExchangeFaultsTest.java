package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.Pkce;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The code flow's exchange at the hosted UI's token endpoint, against the fault-injecting stand-in: what a first
 * view costs, how each fault of the token endpoint is answered — always without a single identity-pool or SSM
 * call. That one code is redeemed at most once however often the page posts it: {@link CodeExchangeSingleFlightTest}.
 */
@QuarkusTest
@TestProfile(FaultsProfile.class)
class CodeExchangeFaultsTest extends StandInTest {

    private int awsCallsBefore;

    @BeforeEach
    void countFromHere() {
        awsCallsBefore = aws.totalAwsCalls();
    }

    @Test
    void firstViewInTheCodeFlowIsOneExchangeAndTheUsualThreeAwsCalls() throws Exception {
        int exchangesBefore = aws.calls("Token");
        Pkce pkce = Pkce.fresh();

        postCode(aws.issueCode(newUser(), "Code User"), pkce.verifier()).statusCode(200)
                .body("name", equalTo("Code User"))
                .body("parameter.value", equalTo("Authenticated"));

        assertThat(aws.calls("Token") - exchangesBefore).isEqualTo(1);
        assertThat(aws.totalAwsCalls() - awsCallsBefore).isEqualTo(3);
        // A public client's form, as Cognito's token endpoint takes it: no secret, the verifier, the app's /signin.
        assertThat(aws.lastTokenForm()).containsOnlyKeys("grant_type", "client_id", "code", "redirect_uri", "code_verifier")
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("client_id", AwsStandIn.CLIENT)
                .containsEntry("redirect_uri", "https://portal.example.test/signin")
                .containsEntry("code_verifier", pkce.verifier());
    }

    @Test
    void refusedCodeGives401WithoutAwsCalls() throws Exception {
        aws.fail("Token", Fault.error(400, "invalid_grant"));

        postCode(aws.issueCode(newUser(), "Late"), Pkce.fresh().verifier()).statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("reason", equalTo("CODE_REJECTED"))
                .body("detail", containsString("Sign in again"));
        assertNoAwsCall();
    }

    @Test
    void droppedTokenEndpointGives502WithoutAwsCalls() throws Exception {
        aws.fail("Token", Fault.dropped());

        postCode(aws.issueCode(newUser(), "Dropped"), Pkce.fresh().verifier()).statusCode(502).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(502));
        assertNoAwsCall();
    }

    @Test
    void serverErrorOfTheTokenEndpointGives502WithoutAwsCalls() throws Exception {
        aws.fail("Token", Fault.error(500, "server_error"));
        postCode(aws.issueCode(newUser(), "Unlucky"), Pkce.fresh().verifier()).statusCode(502).contentType(Problem.MEDIA_TYPE);

        aws.fail("Token", Fault.error(503, "temporarily_unavailable"));
        postCode(aws.issueCode(newUser(), "Unlucky"), Pkce.fresh().verifier()).statusCode(502).contentType(Problem.MEDIA_TYPE);
        assertNoAwsCall();
    }

    @Test
    void slowTokenEndpointGives504WithinTheTimeoutPlusOneSecondWithoutAwsCalls() throws Exception {
        // Warm the path first (the first request of a fresh test JVM may take seconds of class loading): only the
        // exchange's own bound is measured.
        postCode(aws.issueCode(newUser(), "Warm"), Pkce.fresh().verifier()).statusCode(200);
        awsCallsBefore = aws.totalAwsCalls();
        String code = aws.issueCode(newUser(), "Patient");
        aws.fail("Token", Fault.slow(5_000));
        long started = System.nanoTime();

        postCode(code, Pkce.fresh().verifier()).statusCode(504).contentType(Problem.MEDIA_TYPE);
        // portal.upstream-timeout is 1 s in this profile; the contract allows one more second.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertNoAwsCall();
    }

    @Test
    void throttledTokenEndpointGives503WithItsRetryAfterWithoutAwsCalls() throws Exception {
        aws.fail("Token", Fault.error(429, "slow_down"));

        postCode(aws.issueCode(newUser(), "Busy"), Pkce.fresh().verifier()).statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", equalTo("2"));
        assertNoAwsCall();
    }

    @Test
    void appClientNotAllowedTheCodeGrantGives502NamingTheSettingWithoutAwsCalls() throws Exception {
        aws.fail("Token", Fault.error(400, "unauthorized_client"));

        postCode(aws.issueCode(newUser(), "Misconfigured"), Pkce.fresh().verifier()).statusCode(502)
                .contentType(Problem.MEDIA_TYPE);
        assertNoAwsCall();
    }

    @Test
    void tokenAnswerWithoutAnIdTokenGives502WithoutAwsCalls() throws Exception {
        aws.fail("Token", Fault.error(200, "no_id_token_here"));

        postCode(aws.issueCode(newUser(), "No Openid"), Pkce.fresh().verifier()).statusCode(502).contentType(Problem.MEDIA_TYPE);
        assertNoAwsCall();
    }

    private void assertNoAwsCall() {
        assertThat(aws.totalAwsCalls()).as("identity-pool and SSM calls after a failed exchange").isEqualTo(awsCallsBefore);
    }
}
