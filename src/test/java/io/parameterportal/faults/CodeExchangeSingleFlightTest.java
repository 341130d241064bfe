package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.Pkce;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * One code is redeemed at most once however often the page posts it: concurrent posts with the same verifier share
 * the one exchange, a later replay is refused by the token endpoint, a concurrent post with another verifier gets
 * nothing of the rightful one. The token endpoint is held back 400 ms so that the posts overlap; the upstream
 * timeout is generous here ({@link SingleFlightProfile}) so that a busy machine cannot turn that into a 504.
 */
@QuarkusTest
@TestProfile(CodeExchangeSingleFlightTest.SingleFlightProfile.class)
class CodeExchangeSingleFlightTest extends StandInTest {

    /** {@link FaultsProfile} with a 10 s upstream timeout. */
    public static class SingleFlightProfile extends FaultsProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AwsStandInResource.class, Map.of(AwsStandInResource.UPSTREAM_TIMEOUT, "10s")));
        }
    }

    @Test
    void concurrentPostsOfOneCodeShareOneExchangeAndALaterReplayIsRefused() throws Exception {
        int awsCallsBefore = aws.totalAwsCalls();
        int exchangesBefore = aws.calls("Token");
        String code = aws.issueCode(newUser(), "Double Click");
        Pkce pkce = Pkce.fresh();

        CompletableFuture<ValidatableResponse> first = postHeldAtTheTokenEndpoint(code, pkce.verifier());
        ValidatableResponse second = postCode(code, pkce.verifier());

        first.get().statusCode(200).body("name", equalTo("Double Click"));
        second.statusCode(200).body("name", equalTo("Double Click"));
        assertThat(aws.calls("Token") - exchangesBefore).isEqualTo(1);
        // One token, so one trade at the identity pool (GetId, GetCredentialsForIdentity); each answer reads the parameter.
        assertThat(aws.calls("GetId") + aws.calls("GetCredentialsForIdentity") + aws.calls("GetParameter"))
                .isEqualTo(awsCallsBefore + 2 + 2);

        aws.heal();
        postCode(code, pkce.verifier()).statusCode(401).body("reason", equalTo("CODE_REJECTED"));
        assertThat(aws.calls("Token") - exchangesBefore).isEqualTo(2);
        assertThat(aws.totalAwsCalls() - awsCallsBefore).as("no AWS call after the refused replay").isEqualTo(4);
    }

    @Test
    void concurrentPostOfTheCodeWithAnotherVerifierIsRefusedAndSharesNothing() throws Exception {
        int exchangesBefore = aws.calls("Token");
        String code = aws.issueCode(newUser(), "Rightful");
        Pkce pkce = Pkce.fresh();

        CompletableFuture<ValidatableResponse> rightful = postHeldAtTheTokenEndpoint(code, pkce.verifier());

        postCode(code, Pkce.fresh().verifier()).statusCode(401).body("reason", equalTo("CODE_REJECTED"))
                .body(not(containsString("Rightful")));
        rightful.get().statusCode(200).body("name", equalTo("Rightful"));
        assertThat(aws.calls("Token") - exchangesBefore).isEqualTo(1);
    }

    /**
     * Posts the code while the token endpoint holds its answers back 400 ms, and returns once that exchange has
     * reached the endpoint (bounded wait), so that the test's next post surely overlaps it.
     */
    private CompletableFuture<ValidatableResponse> postHeldAtTheTokenEndpoint(String code, String verifier)
            throws InterruptedException {
        aws.fail("Token", Fault.slow(400));
        int exchangesBefore = aws.calls("Token");
        CompletableFuture<ValidatableResponse> post = CompletableFuture.supplyAsync(() -> postCode(code, verifier));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (aws.calls("Token") == exchangesBefore) {
            assertThat(System.nanoTime()).as("the first exchange reached the token endpoint").isLessThan(deadline);
            Thread.sleep(5);
        }
        return post;
    }
}
