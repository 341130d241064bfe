package io.parameterportal.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.aws.AwsCallMetrics;
import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.LocalCallGate;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.RawHttp;
import io.parameterportal.web.AbandonedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Local mode: clients that send a request and close the connection while an AWS call it made is in flight
 * (held at the {@link LocalCallGate} until they have left, so it is in flight for sure). Whatever was in
 * flight when they left finishes quietly — no WARN or ERROR record in any category — the request
 * is counted in {@value AbandonedRequests#METER}, and the same user's next request costs the usual AWS
 * calls: an abandoned credential trade completed and was kept.
 */
@QuarkusTest
class AbandonedRequestsTest {

    /** A request of the API, as a page sends it with the user's id token. */
    record ApiRequest(String path, Function<String, String> body, Map<String, Integer> usualCalls) {
        String raw(String idToken) {
            return RawHttp.postJson(path, body.apply(idToken));
        }
    }

    /** One of each: the seed's parameter and the two configured paths. */
    private static final Map<String, Integer> VIEW_READS = Map.of("GetParameter", 1, "GetParametersByPath", 2);
    private static final Map<String, Integer> TRADE = Map.of("GetId", 1, "GetCredentialsForIdentity", 1);
    private static final ApiRequest VIEW = new ApiRequest("/api/session", token -> "{\"idToken\":\"" + token + "\"}", VIEW_READS);
    private static final ApiRequest REVEAL = new ApiRequest("/api/parameter",
            token -> "{\"name\":\"/portal/ops/api-key\",\"idToken\":\"" + token + "\"}", Map.of("GetParameter", 1));
    private static final ApiRequest HISTORY = new ApiRequest("/api/history",
            token -> "{\"name\":\"/portal/ops/db-url\",\"idToken\":\"" + token + "\"}", Map.of("GetParameterHistory", 1));
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Inject
    MeterRegistry registry;

    @Inject
    LocalCallGate gate;

    /**
     * Who leaves, in the middle of what: the request they left, the call held in flight until they have left,
     * and every call in flight then (which must finish). A new endpoint adds its line here.
     */
    static Stream<Arguments> abandonedRequests() {
        return Stream.of(
                arguments("demo's view, /portal/ops denied", token("demo", VIEW), VIEW, "GetParameter", VIEW_READS),
                arguments("ops's view, a SecureString listed", token("ops", VIEW), VIEW, "GetParameter", VIEW_READS),
                arguments("a view whose token is not traded yet", (Supplier<String>) () -> LocalSignIn.idTokenOf("demo", "demo"),
                        VIEW, "GetId", TRADE),
                arguments("ops's reveal of a SecureString", token("ops", VIEW), REVEAL, "GetParameter", REVEAL.usualCalls()),
                arguments("ops's history of a String", token("ops", VIEW), HISTORY, "GetParameterHistory", HISTORY.usualCalls()));
    }

    /** A token of {@code user} whose credentials are cached: its own first request made and answered. */
    private static Supplier<String> token(String user, ApiRequest first) {
        return () -> {
            String token = LocalSignIn.idTokenOf(user, user);
            post(first, token);
            return token;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("abandonedRequests")
    void whatAClientLeavesFinishesQuietlyAndItsNextRequestCostsTheUsualCalls(String who, Supplier<String> user,
            ApiRequest request, String held, Map<String, Integer> inFlight) throws Exception {
        String token = user.get();
        try (CapturedLogs logs = CapturedLogs.start()) {
            Map<String, Double> before = calls(inFlight.keySet());
            double abandonedBefore = abandoned(request.path());

            gate.hold(held);
            try {
                try (Socket client = RawHttp.send(RestAssured.port, request.raw(token))) {
                    gate.awaitHeld(1);
                }
                awaitAtLeast("the request counted as abandoned", () -> abandoned(request.path()), abandonedBefore + 1, logs);
            } finally {
                gate.release();
            }
            for (Map.Entry<String, Integer> call : inFlight.entrySet()) {
                awaitAtLeast("the " + call.getKey() + " call in flight finished", () -> calls(call.getKey()),
                        before.get(call.getKey()) + call.getValue(), logs);
            }
            Map<String, Integer> nextCalls = new HashMap<>(request.usualCalls());
            TRADE.keySet().forEach(trade -> nextCalls.putIfAbsent(trade, 0));
            Map<String, Double> beforeNext = calls(nextCalls.keySet());

            post(request, token);

            nextCalls.forEach((operation, count) -> assertThat(calls(operation) - beforeNext.get(operation))
                    .as("%s calls of the next %s", operation, request.path()).isEqualTo(count.doubleValue()));
            assertThat(abandoned(request.path())).as("abandoned once, answered once").isEqualTo(abandonedBefore + 1);
            // The next request was answered after everything the abandoned one left behind had run on the
            // event loop: a dropped failure would be logged by now.
            assertThat(logs.warningsAndErrors()).isEmpty();
        }
    }

    @Test
    void aCallerThatLeavesTheLocalStandInMidBodyIsCountedNotLoggedAsAnError() throws Exception {
        try (CapturedLogs logs = CapturedLogs.start()) {
            double before = abandoned("/local");

            RawHttp.sendAndLeave(RestAssured.port, "POST /local/ HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: "
                    + "AWSIdentityService.GetId\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100\r\n\r\n{\"Iden");

            awaitAtLeast("the cut-off request counted as abandoned", () -> abandoned("/local"), before + 1, logs);
            assertThat(logs.warningsAndErrors()).isEmpty();
        }
    }

    private static void post(ApiRequest request, String token) {
        given().contentType(ContentType.JSON).body(request.body().apply(token)).when().post(request.path()).then().statusCode(200);
    }

    private double abandoned(String route) {
        return registry.find(AbandonedRequests.METER).tag("route", route).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double calls(String operation) {
        return registry.find(AwsCallMetrics.METER).tag("operation", operation).counters().stream().mapToDouble(Counter::count).sum();
    }

    private Map<String, Double> calls(Set<String> operations) {
        Map<String, Double> counts = new HashMap<>();
        operations.forEach(operation -> counts.put(operation, calls(operation)));
        return counts;
    }

    /**
     * Polls until {@code value} reaches {@code expected}: the event has happened, however long the machine
     * took. Should it never happen, the failure shows what was logged at WARN or above meanwhile.
     */
    private static void awaitAtLeast(String event, Supplier<Double> value, double expected, CapturedLogs logs)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (value.get() < expected) {
            assertThat(System.nanoTime()).as(() -> event + " within " + PATIENCE + "; logged at WARN or above meanwhile: "
                    + logs.warningsAndErrors()).isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(value.get()).as(event + ", exactly").isEqualTo(expected);
    }
}
