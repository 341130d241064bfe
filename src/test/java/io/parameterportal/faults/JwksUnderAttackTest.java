package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.ClockHighWater;
import io.parameterportal.testing.TestClock;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A flood of well-formed tokens naming unknown keys, while the JWKS fails or stalls for longer than
 * two refetch intervals, costs the JWKS exactly one fetch per interval; every token is refused (401
 * UNKNOWN_KEY), and while a fetch stalls only the request that started it waits for it: all others are
 * answered before the stall ends. Once the JWKS is back, a new key of the pool works within one interval.
 */
@QuarkusTest
@TestProfile(FaultProfiles.JwksUnderAttack.class)
class JwksUnderAttackTest {

    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);
    private static final int INTERVALS = 3;
    private static final int TOKENS_PER_INTERVAL = 150;
    /** A bound for a test that went wrong, never reached by one that passes. */
    private static final Duration STUCK = Duration.ofSeconds(30);

    @InjectAwsStandIn
    AwsStandIn aws;

    private static final int CONNECTIONS = 16;

    /** Each test starts on real time; each interval moves the clock past every earlier fetch attempt. */
    private static final ClockHighWater CLOCK = new ClockHighWater();

    private final ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
    private RsaJsonWebKey stranger;

    @BeforeEach
    void keysHeldAndClientReady() throws Exception {
        stranger = RsaJwkGenerator.generateJwk(2048);
        // The pool's keys are held, as in any running service.
        postSession(aws.idToken(UUID.randomUUID().toString(), "Before")).statusCode(200);
    }

    @AfterEach
    void heal() {
        aws.heal();
        aws.releaseHeld();
        TestClock.get().reset();
        senders.shutdownNow();
    }

    @Test
    void jwksDownFloodCostsOneFetchPerIntervalThenANewKeyWorks() throws Exception {
        aws.fail("Jwks", Fault.error(503, "ServiceUnavailable"));
        int fetchesBefore = aws.calls("Jwks");
        int awsCallsBefore = aws.totalAwsCalls();
        Instant firstDue = null;
        for (int interval = 0; interval < INTERVALS; interval++) {
            nextInterval();
            firstDue = firstDue == null ? TestClock.get().instant() : firstDue;
            assertThat(answers(flood(TOKENS_PER_INTERVAL))).allSatisfy(JwksUnderAttackTest::refusedAsUnknownKey);
            // One fetch as each interval starts, and no more than one per interval the clock has run through
            // (on a busy machine a flood may outlast an interval of real time, and then fetches once more).
            long intervalsRun = 1 + Duration.between(firstDue, TestClock.get().instant()).dividedBy(REFETCH_INTERVAL);
            assertThat(aws.calls("Jwks") - fetchesBefore).as("JWKS fetches after %d intervals", interval + 1)
                    .isBetween(interval + 1, (int) intervalsRun);
        }
        assertThat(aws.totalAwsCalls()).as("identity-pool and SSM calls caused by the flood").isEqualTo(awsCallsBefore);

        aws.heal();
        aws.rotateKey();
        String signedWithNewKey = aws.idToken(UUID.randomUUID().toString(), "After Rotation");
        nextInterval();
        postSession(signedWithNewKey).statusCode(200).body("name", equalTo("After Rotation"));
    }

    @Test
    void jwksStalledFloodCostsOneFetchPerIntervalAndOnlyTheRequestThatStartedItWaits() throws Exception {
        aws.fail("Jwks", Fault.held());
        int fetchesBefore = aws.calls("Jwks");
        int awsCallsBefore = aws.totalAwsCalls();
        for (int interval = 0; interval < INTERVALS; interval++) {
            nextInterval();
            List<CompletableFuture<Answer>> sent = flood(TOKENS_PER_INTERVAL);
            // The stall fires: one fetch reaches the JWKS and hangs there...
            aws.awaitStalled("Jwks", 1);
            // ...and every other token is refused while it hangs, none queued behind it.
            CompletableFuture<Void> allButOne = answered(sent, TOKENS_PER_INTERVAL - 1);
            allButOne.get(STUCK.toSeconds(), TimeUnit.SECONDS);
            assertThat(sent.stream().filter(answer -> !answer.isDone())).as("requests waiting for the stalled fetch").hasSize(1);
            assertThat(aws.stalled("Jwks")).as("the fetch still hangs").isEqualTo(1);
            assertThat(aws.calls("Jwks") - fetchesBefore).as("JWKS fetches in interval %d", interval + 1).isEqualTo(interval + 1);

            aws.releaseHeld();
            assertThat(answers(sent)).allSatisfy(JwksUnderAttackTest::refusedAsUnknownKey);
        }
        assertThat(aws.totalAwsCalls()).as("identity-pool and SSM calls caused by the flood").isEqualTo(awsCallsBefore);
    }

    /** The refetch interval has passed since every fetch attempt so far: the next unknown kid may fetch. */
    private static void nextInterval() {
        CLOCK.pastAllBefore(REFETCH_INTERVAL.plusSeconds(1));
    }

    private static void refusedAsUnknownKey(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("\"reason\":\"UNKNOWN_KEY\"");
    }

    /** Completes once {@code count} of the answers have arrived. */
    private static CompletableFuture<Void> answered(List<CompletableFuture<Answer>> sent, int count) {
        CompletableFuture<Void> enough = new CompletableFuture<>();
        AtomicInteger arrived = new AtomicInteger();
        sent.forEach(answer -> answer.whenComplete((any, failure) -> {
            if (failure != null) {
                enough.completeExceptionally(failure);
            } else if (arrived.incrementAndGet() >= count) {
                enough.complete(null);
            }
        }));
        return enough;
    }

    private static List<Answer> answers(List<CompletableFuture<Answer>> sent) throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> answer : sent) {
            answers.add(answer.get(STUCK.toSeconds(), TimeUnit.SECONDS));
        }
        return answers;
    }

    /** Sends {@code tokens} tokens of distinct unknown kids over {@link #CONNECTIONS} connections at once. */
    private List<CompletableFuture<Answer>> flood(int tokens) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            stranger.setKeyId("unknown-" + UUID.randomUUID());
            String token = AwsStandIn.signWith(aws.idClaims("intruder", "Intruder"), stranger, AlgorithmIdentifiers.RSA_USING_SHA256);
            bodies.add("{\"idToken\":\"" + token + "\"}");
        }
        List<CompletableFuture<Answer>> sent = new ArrayList<>();
        for (String body : bodies) {
            sent.add(CompletableFuture.supplyAsync(() -> post(body), senders));
        }
        return sent;
    }

    /** One POST on a kept-alive connection of this thread (HttpURLConnection pools them per host). */
    private static Answer post(String body) {
        try {
            return send(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer send(String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + RestAssured.port + "/api/session")
                .toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout((int) STUCK.toMillis());
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, answer);
        }
    }

    private record Answer(int status, String body) {
    }
}
