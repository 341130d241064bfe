package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.TestClock;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A flood of well-formed tokens naming unknown keys, while the JWKS fails or stalls for longer than
 * two refetch intervals, costs the JWKS at most one fetch per interval; every token is answered (401)
 * within the upstream timeout, none waits in a queue; once the JWKS is back, a new key of the pool
 * works within one interval.
 */
@QuarkusTest
@TestProfile(JwksUnderAttackProfile.class)
class JwksUnderAttackTest {

    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);
    /** The faults profile's portal.upstream-timeout. */
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(1);
    private static final int INTERVALS = 3;
    private static final int TOKENS_PER_INTERVAL = 150;

    @InjectAwsStandIn
    AwsStandIn aws;

    private static final int CONNECTIONS = 16;

    private final ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
    private RsaJsonWebKey stranger;

    @BeforeEach
    void keysHeldAndClientReady() throws Exception {
        stranger = RsaJwkGenerator.generateJwk(2048);
        // The pool's keys are held, as in any running service.
        postSession(aws.idToken(UUID.randomUUID().toString(), "Before")).statusCode(200);
        // The test's own client opens its connections (and seeds its TLS randomness) before anything is timed.
        List<Future<Integer>> warmUp = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS * 2; i++) {
            // An empty id token: refused (401) before any key or AWS is asked.
            warmUp.add(senders.submit(() -> post("{\"idToken\":\"\"}").status()));
        }
        for (Future<Integer> status : warmUp) {
            assertThat(status.get()).isEqualTo(401);
        }
    }

    @AfterEach
    void heal() {
        aws.heal();
        TestClock.get().reset();
        senders.shutdownNow();
    }

    @Test
    void jwksDownFloodCostsOneFetchPerIntervalThenANewKeyWorks() throws Exception {
        aws.fail("Jwks", Fault.error(503, "ServiceUnavailable"));
        floodForIntervalsAndCheck();

        aws.heal();
        aws.rotateKey();
        String signedWithNewKey = aws.idToken(UUID.randomUUID().toString(), "After Rotation");
        TestClock.get().advance(REFETCH_INTERVAL);
        postSession(signedWithNewKey).statusCode(200).body("name", equalTo("After Rotation"));
    }

    @Test
    void jwksStalledFloodCostsOneFetchPerIntervalAndNobodyWaitsLongerThanTheTimeout() throws Exception {
        aws.fail("Jwks", Fault.slow(Duration.ofSeconds(30).toMillis()));
        floodForIntervalsAndCheck();
    }

    private void floodForIntervalsAndCheck() throws Exception {
        int fetchesBefore = aws.calls("Jwks");
        int awsCallsBefore = aws.totalAwsCalls();
        for (int interval = 0; interval < INTERVALS; interval++) {
            List<Answer> answers = flood(TOKENS_PER_INTERVAL);

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.body()).contains("\"reason\":\"UNKNOWN_KEY\"");
                // The one request that started this interval's fetch waits up to the timeout; no one waits longer.
                assertThat(answer.took()).isLessThan(UPSTREAM_TIMEOUT.multipliedBy(2));
            });
            assertThat(answers.stream().filter(answer -> answer.took().compareTo(UPSTREAM_TIMEOUT) >= 0))
                    .as("answers that waited for the JWKS in interval %d", interval).hasSizeLessThanOrEqualTo(1);
            assertThat(aws.calls("Jwks") - fetchesBefore).as("JWKS fetches after %d intervals", interval + 1)
                    .isLessThanOrEqualTo(interval + 1);
            TestClock.get().advance(REFETCH_INTERVAL);
        }
        assertThat(aws.totalAwsCalls()).as("identity-pool and SSM calls caused by the flood").isEqualTo(awsCallsBefore);
    }

    /** Sends {@code tokens} tokens of distinct unknown kids over {@link #CONNECTIONS} connections at once. */
    private List<Answer> flood(int tokens) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            stranger.setKeyId("unknown-" + UUID.randomUUID());
            String token = AwsStandIn.signWith(aws.idClaims("intruder", "Intruder"), stranger, AlgorithmIdentifiers.RSA_USING_SHA256);
            bodies.add("{\"idToken\":\"" + token + "\"}");
        }
        List<Future<Answer>> sent = new ArrayList<>();
        for (String body : bodies) {
            sent.add(senders.submit(() -> post(body)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    /** One POST on a kept-alive connection of this thread (HttpURLConnection pools them per host). */
    private static Answer post(String body) throws Exception {
        long started = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + RestAssured.port + "/api/session")
                .toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, answer, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private record Answer(int status, String body, Duration took) {
    }
}
