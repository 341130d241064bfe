package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Credentials belong to the token they were traded for and are reused at most
 * PORTAL_CREDENTIAL_CACHE_MAX_AGE (5 minutes): inside it a repeat view costs exactly one AWS call,
 * after it the token is traded again (three calls), and another token of the same user is traded on
 * its own.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
class CredentialWindowTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    @InjectAwsStandIn
    AwsStandIn aws;

    @AfterEach
    void realTime() {
        TestClock.get().reset();
    }

    @Test
    void repeatViewsInsideTheWindowCostOneCallAfterItThree() throws Exception {
        String token = aws.idToken(UUID.randomUUID().toString(), "Windowed");

        // The credentials are issued between these two instants: the window is counted from there, however long
        // the first view takes on a busy machine.
        Instant beforeTrade = TestClock.get().instant();
        assertThat(callsFor(() -> postSession(token).statusCode(200))).isEqualTo(3);
        Instant afterTrade = TestClock.get().instant();
        assertThat(callsFor(() -> postSession(token).statusCode(200))).isEqualTo(1);
        TestClock.get().advanceTo(beforeTrade.plus(WINDOW).minusSeconds(1));
        assertThat(callsFor(() -> postSession(token).statusCode(200))).isEqualTo(1);

        TestClock.get().advanceTo(afterTrade.plus(WINDOW).plusSeconds(1));
        assertThat(callsFor(() -> postSession(token).statusCode(200))).isEqualTo(3);
        assertThat(callsFor(() -> postSession(token).statusCode(200))).isEqualTo(1);
    }

    @Test
    void anotherTokenOfTheSameUserIsTradedOnItsOwn() throws Exception {
        String user = UUID.randomUUID().toString();
        String first = aws.idToken(user, "Twice Signed In");
        postSession(first).statusCode(200);

        JwtClaims again = aws.idClaims(user, "Twice Signed In");
        again.setGeneratedJwtId(); // a second sign-in: another token of the same user
        String second = aws.sign(again);
        assertThat(second).isNotEqualTo(first);
        int getIds = aws.calls("GetId");
        postSession(second).statusCode(200);

        assertThat(aws.calls("GetId")).isEqualTo(getIds + 1);
    }

    private int callsFor(Runnable view) {
        int before = aws.totalAwsCalls();
        view.run();
        return aws.totalAwsCalls() - before;
    }
}
