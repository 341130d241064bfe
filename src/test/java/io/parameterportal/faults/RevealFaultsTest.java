package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AuditRecords;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * {@code /api/parameter} and {@code /api/history} against the AWS stand-in: the calls each makes (a view
 * asks for no decryption, a reveal for exactly one), history through every page, and every upstream fault
 * ending in the view's contract answer — with a KMS refusal told apart from an IAM one.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
class RevealFaultsTest extends StandInTest {

    private static final String KMS_REFUSAL = "User: arn:aws:sts::111122223333:assumed-role/PortalRole/CognitoIdentityCredentials "
            + "is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:111122223333:key/1234 because no "
            + "identity-based policy allows the kms:Decrypt action (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)";

    @AfterEach
    void plainParameter() {
        aws.serveParameter("String", "Authenticated");
    }

    @Test
    void aViewAsksForNoDecryptionAndShowsNoSecureStringValue() throws Exception {
        aws.serveParameter("SecureString", "view-must-not-show-this");
        int decryptingBefore = aws.calls(AwsStandIn.DECRYPTING_CALLS);

        String body = postSession(aws.idToken(newUser(), "Viewer")).statusCode(200)
                .body("parameter.type", equalTo("SecureString"))
                .body("parameter.value", nullValue())
                .extract().asString();

        assertThat(body).doesNotContain("view-must-not-show-this");
        assertThat(aws.calls(AwsStandIn.DECRYPTING_CALLS)).isEqualTo(decryptingBefore);
    }

    @Test
    void aRevealIsExactlyOneDecryptingGetParameter() throws Exception {
        aws.serveParameter("SecureString", "revealed-on-request");
        String token = aws.idToken(newUser(), "Revealer");
        postSession(token).statusCode(200);
        int getParameterBefore = aws.calls("GetParameter");
        int decryptingBefore = aws.calls(AwsStandIn.DECRYPTING_CALLS);
        int allBefore = aws.totalAwsCalls();

        reveal(token).statusCode(200).body("value", equalTo("revealed-on-request")).body("type", equalTo("SecureString"));

        assertThat(aws.calls("GetParameter") - getParameterBefore).isEqualTo(1);
        assertThat(aws.calls(AwsStandIn.DECRYPTING_CALLS) - decryptingBefore).isEqualTo(1);
        assertThat(aws.totalAwsCalls() - allBefore).isEqualTo(1);
    }

    @Test
    void historyReadsEveryPageUndecryptedAndAnswersNewestFirst() throws Exception {
        aws.serveParameter("SecureString", "history-must-not-show-this");
        String token = aws.idToken(newUser(), "Historian");
        postSession(token).statusCode(200);
        int pagesBefore = aws.calls("GetParameterHistory");
        int decryptingBefore = aws.calls(AwsStandIn.DECRYPTING_CALLS);

        String body = history(token).statusCode(200)
                .body("versions.version", contains(3, 2, 1))
                .body("versions.value", contains(nullValue(), equalTo("second"), equalTo("first")))
                .body("versions[1].diff.op", contains("delete", "insert"))
                .body("versions[0].diff", nullValue())
                .extract().asString();

        assertThat(body).doesNotContain("history-must-not-show-this");
        assertThat(aws.calls("GetParameterHistory") - pagesBefore).as("pages fetched").isEqualTo(2);
        assertThat(aws.calls(AwsStandIn.DECRYPTING_CALLS)).isEqualTo(decryptingBefore);
    }

    @Test
    void kmsRefusingTheDecryptionIsToldApartFromIamRefusingTheRead() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "AccessDeniedException", KMS_REFUSAL));
        reveal(aws.idToken(newUser(), "Lister")).statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Decryption denied"))
                .body("detail", containsString("may read this parameter but not decrypt it"))
                .body("name", equalTo("Lister"));

        aws.fail("GetParameter", Fault.error(400, "AccessDeniedException"));
        reveal(aws.idToken(newUser(), "Stranger")).statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Access denied"))
                .body("detail", containsString("may not read it"));
    }

    @Test
    void aMissingVersionIs404() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "ParameterVersionNotFound"));

        given().contentType(ContentType.JSON).body("{\"idToken\":\"" + aws.idToken(newUser(), "Seeker")
                + "\",\"name\":\"" + AwsStandIn.PARAMETER + "\",\"version\":7}").post("/api/parameter").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE).body("title", equalTo("Parameter version not found"));
    }

    @Test
    void throttlingIs503WithRetryAfterForRevealAndHistory() throws Exception {
        aws.fail("GetParameter", Fault.error(400, "ThrottlingException"));
        aws.fail("GetParameterHistory", Fault.error(400, "ThrottlingException"));

        reveal(aws.idToken(newUser(), "Busy")).statusCode(503).header("Retry-After", equalTo("1"));
        history(aws.idToken(newUser(), "Busy")).statusCode(503).header("Retry-After", equalTo("1"));
    }

    @Test
    void failuresAre502() throws Exception {
        aws.fail("GetParameter", Fault.error(500, "InternalServerError"));
        aws.fail("GetParameterHistory", Fault.dropped());

        reveal(aws.idToken(newUser(), "Unlucky")).statusCode(502).contentType(Problem.MEDIA_TYPE);
        history(aws.idToken(newUser(), "Unlucky")).statusCode(502).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void slownessIs504WithinTheTimeoutPlusOneSecond() throws Exception {
        String token = aws.idToken(newUser(), "Patient");
        // Keys held and the SDK warm, so that only the history call is timed; the first AWS calls of this JVM
        // may outlast the profile's 1 s bound themselves (504).
        assertThat(postSession(token).extract().statusCode()).isIn(200, 504);
        aws.fail("GetParameterHistory", Fault.slow(5_000));
        long started = System.nanoTime();

        history(token).statusCode(504).contentType(Problem.MEDIA_TYPE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void credentialsAwsNoLongerHonoursAreTradedAgainOnceForAReveal() throws Exception {
        String token = aws.idToken(newUser(), "Revoked");
        postSession(token).statusCode(200);
        int tradesBefore = aws.calls("GetCredentialsForIdentity");
        aws.failOnce("GetParameter", Fault.error(400, "UnrecognizedClientException"));

        reveal(token).statusCode(200).body("value", equalTo("Authenticated"));
        assertThat(aws.calls("GetCredentialsForIdentity") - tradesBefore).isEqualTo(1);
    }

    @Test
    void anAwsFailureIsAuditedAsFailedForEveryEvent() throws Exception {
        aws.fail("GetParameter", Fault.error(500, "InternalServerError"));
        aws.fail("GetParameterHistory", Fault.error(400, "ThrottlingException"));
        try (AuditRecords audit = AuditRecords.start()) {
            postSession(aws.idToken(newUser(), "Failing Viewer")).statusCode(502);
            reveal(aws.idToken(newUser(), "Failing Revealer")).statusCode(502);
            history(aws.idToken(newUser(), "Failing Historian")).statusCode(503);

            assertThat(audit.fields()).extracting(r -> r.get("event") + " " + r.get("outcome") + " " + r.get("user"))
                    .containsExactly("view failed Failing Viewer", "reveal failed Failing Revealer", "history failed Failing Historian");
        }
    }

    private static ValidatableResponse reveal(String token) {
        return given().contentType(ContentType.JSON).body("{\"idToken\":\"" + token + "\",\"name\":\"" + AwsStandIn.PARAMETER + "\"}")
                .post("/api/parameter").then();
    }

    private static ValidatableResponse history(String token) {
        return given().contentType(ContentType.JSON).body("{\"idToken\":\"" + token + "\",\"name\":\"" + AwsStandIn.PARAMETER + "\"}")
                .post("/api/history").then();
    }
}
