package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.aws.AwsCallMetrics;

import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A view reads the parameter and two paths at once through an SSM connection pool of one, as a crowd
 * meets a pool of 50: the reads queue for the connection. Waiting for it is part of the call that
 * {@code portal.upstream-timeout} bounds (3 s here), so a wait too long ends as "too slow" (504) at
 * that bound, not as a failure (502) at the pool's own earlier limit; and when every read fails, the
 * view answers once and no read's failure is left over to be logged as an error.
 */
@QuarkusTest
@TestProfile(FaultProfiles.CrowdedPool.class)
class CrowdedPoolTest extends StandInTest {

    @Inject
    MeterRegistry registry;

    @Test
    void readsWaitingForAPooledConnectionEndAs504AtTheUpstreamTimeout() throws Exception {
        // Whichever read gets the one connection first holds it until the test lets it go; the others wait for it.
        aws.fail("GetParameter", Fault.held());
        aws.fail("GetParametersByPath", Fault.held());
        String token = aws.idToken(newUser(), "Queued");
        int readsBefore = reads();

        // "Too slow" (504), not the pool's own refusal (502): the wait for a connection is bounded by the
        // upstream timeout; it came while every read that got a connection was still held, and at least one
        // read never got one.
        postSession(token).statusCode(504).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("AWS did not answer in time"));
        int reached = reads() - readsBefore;
        assertThat(aws.stalled("GetParameter") + aws.stalled("GetParametersByPath")).as("reads still held").isEqualTo(reached);
        assertThat(reached).as("reads that got a connection, of the view's three").isBetween(1, 2);
    }

    private int reads() {
        return aws.calls("GetParameter") + aws.calls("GetParametersByPath");
    }

    @Test
    void aViewWhoseReadsAllFailAnswersOnceAndLeavesNoDroppedError() throws Exception {
        aws.fail("GetParameter", Fault.error(500, "InternalServerError"));
        aws.fail("GetParametersByPath", Fault.error(500, "InternalServerError"));
        String token = aws.idToken(newUser(), "Unlucky");
        int listingsBefore = aws.calls("GetParametersByPath");
        double failedBefore = failedCalls();

        try (CapturedLogs logs = CapturedLogs.start()) {
            postSession(token).statusCode(502).body("status", equalTo(502));
            // Every attempt (3, the SDK's standard retries) of both listings has been made by the time the
            // view answers: with the reads' failures all collected, none can arrive after the answer.
            assertThat(aws.calls("GetParametersByPath") - listingsBefore).isEqualTo(2 * 3);
            // A read failing after the answer would be dropped and logged as it reaches the portal, right
            // after the SDK counts it: so the check waits until all three reads are counted as failed.
            awaitFailedCalls(failedBefore + 3);
            assertThat(logs.lines()).noneMatch(line -> line.contains("had to drop"));
        }
    }

    /** The SDK calls the portal counts as failed ({@code portal_aws_calls_total{outcome="failure"}}), of any operation. */
    private double failedCalls() {
        return registry.find(AwsCallMetrics.METER).tag("outcome", "failure").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private void awaitFailedCalls(double count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failedCalls() < count) {
            assertThat(System.nanoTime()).as("%s failed AWS calls counted in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
