package io.parameterportal.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AppProfiles;
import io.parameterportal.testing.SessionBrowser;
import io.parameterportal.testing.TokenEndpointProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The attack the hand-written exchange fell to: an anonymous flood of callbacks with random codes and states. With
 * quarkus-oidc a callback whose state no state cookie of this browser vouches for is refused before any token-endpoint
 * call, so the flood costs no upstream call and leaves nothing queued, and a real sign-in in the middle of it succeeds.
 */
@QuarkusTest
@TestProfile(AppProfiles.CodeFlow.class)
class ForgedCallbackFloodTest {

    private static final Logger LOG = Logger.getLogger(ForgedCallbackFloodTest.class);
    private static final int FORGED = 2_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Inject
    TokenEndpointProbe tokenEndpoint;

    @Test
    void forgedCallbacksNeverReachTheTokenEndpointAndARealSignInDuringTheFloodSucceeds() throws Exception {
        int tokenCalls = tokenEndpoint.tokenCalls();
        long heapBefore = usedHeapAfterGc();
        ExecutorService flood = Executors.newFixedThreadPool(8);
        List<Future<long[]>> answers = new ArrayList<>();
        SessionBrowser real = new SessionBrowser();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < FORGED; i++) {
                answers.add(flood.submit(ForgedCallbackFloodTest::forgedCallback));
            }
            // The sign-in in the middle of the flood. (Its view comes after: local mode's AWS stand-ins share the
            // app's one event loop with the flood, so a view now would measure the stand-ins' queue.)
            Response signedIn = real.signIn("demo", "demo");
            assertThat(signedIn.header("Location")).endsWith("/signin");

            long[] millis = new long[FORGED];
            for (int i = 0; i < FORGED; i++) {
                long[] answer = answers.get(i).get(5, TimeUnit.MINUTES);
                assertThat(answer[0]).as("status of a forged callback").isIn(302L, 401L);
                millis[i] = answer[1];
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            java.util.Arrays.sort(millis);
            LOG.infof("forged callbacks: %d in %d s, p50 %d ms, p99 %d ms, max %d ms", FORGED, seconds,
                    millis[FORGED / 2], millis[FORGED * 99 / 100], millis[FORGED - 1]);
            // No bound on the time here: it measures the machine as much as the portal (the figures are logged).
        } finally {
            flood.shutdownNow();
        }

        assertThat(tokenEndpoint.tokenCalls() - tokenCalls).as("only the real sign-in's code was redeemed").isEqualTo(1);
        Response view = real.postApi("/api/session", "{}");
        assertThat(view.statusCode()).as(view.asString()).isEqualTo(200);
        // Logged, not asserted: this JVM also holds the test's own clients and captured output. The callbacks keep no
        // server state (a forged one's state cookie goes to its sender), so what grows here is not the portal's.
        LOG.infof("heap after the flood: %+d KiB", (usedHeapAfterGc() - heapBefore) / 1024);
    }

    /** {status, milliseconds} of one callback with a random code and state and no state cookie. */
    private static long[] forgedCallback() {
        long sent = System.nanoTime();
        int status = given().redirects().follow(false)
                .queryParam("code", UUID.randomUUID().toString()).queryParam("state", UUID.randomUUID().toString())
                .when().get("/signin").statusCode();
        return new long[] { status, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) };
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
