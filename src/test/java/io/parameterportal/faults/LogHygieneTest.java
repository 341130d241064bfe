package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.TestMethodOrder;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.AwsStandIn.Fault;
import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.ClockHighWater;
import io.parameterportal.testing.SessionRequests;
import io.parameterportal.testing.SigningKeysReset;
import io.parameterportal.testing.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * No token, no part of one, no issued AWS credential and no SecureString value reaches a log record of
 * any category at any level (TRACE everywhere, {@link FaultProfiles.LogHygiene}), whatever the request's
 * fate: good and forged tokens, unknown kids, the JWKS slow, down or dropping connections, JWKS fetches
 * that fail after the request that started them was answered, and every fault of the identity pool and
 * SSM. The earlier leak: jose4j's exception messages quote the whole token, and were attached as causes
 * and logged when a key fetch failed late.
 */
@QuarkusTest
@TestProfile(FaultProfiles.LogHygiene.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogHygieneTest {

    /** The faults profile's portal.upstream-timeout. */
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);
    /** SigningKeys.MAX_AGE: older keys are refreshed in the background while in use. */
    private static final Duration KEYS_MAX_AGE = Duration.ofHours(1);
    private static final Duration LONGER_THAN_THE_TIMEOUT = UPSTREAM_TIMEOUT.multipliedBy(3);

    @InjectAwsStandIn
    AwsStandIn aws;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    private CapturedLogs logs;
    private final List<String> tokens = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void capture() {
        logs = CapturedLogs.start();
        String secureValue = "s3cure-" + UUID.randomUUID();
        aws.serveParameter("SecureString", secureValue);
        secrets.add(secureValue);
    }

    @AfterEach
    void release() {
        logs.close();
        aws.heal();
        aws.serveParameter("String", "Authenticated");
    }

    /** Each test starts on real time; a step that needs a fetch due moves the clock past every earlier attempt. */
    private static final ClockHighWater CLOCK = new ClockHighWater();

    @BeforeEach
    @AfterEach
    void realTime() {
        TestClock.get().reset();
    }

    /** First, while no keys are held: the JWKS dropping connections, answering 503, or stalling past the timeout. */
    @Test
    @Order(1)
    void coldStartWithTheJwksFailing() throws Exception {
        SigningKeysReset.forgetKeys();
        String good = token(aws.idToken(UUID.randomUUID().toString(), "Cold"));

        aws.fail("Jwks", Fault.dropped());
        postSession(good).statusCode(503);
        given().get(ready).then().statusCode(503);

        aws.fail("Jwks", Fault.error(503, "ServiceUnavailable"));
        nextFetchDue();
        postSession(good).statusCode(503);

        aws.fail("Jwks", Fault.slow(LONGER_THAN_THE_TIMEOUT.toMillis()));
        nextFetchDue();
        long failures = fetchFailuresLogged();
        postSession(good).statusCode(503);
        awaitFetchFailure(failures);

        aws.heal();
        nextFetchDue();
        // The keys arrive; the first AWS calls of this JVM may then outlast the profile's 1 s bound (504).
        assertThat(postSession(good).extract().statusCode()).isIn(200, 504);

        assertClean();
    }

    @Test
    @Order(2)
    void goodAndForgedTokens() throws Exception {
        String good = token(aws.idToken(UUID.randomUUID().toString(), "Careful"));
        postSession(good).statusCode(200);
        postSession(good).statusCode(200); // a repeat view: the verdict and the credentials are remembered

        // Every kind of bad token of the attack matrix, and one with its signature altered.
        for (Arguments bad : BadTokens.all().toList()) {
            expect401(((BadTokens.Maker) bad.get()[1]).make(aws));
        }
        String[] parts = good.split("\\.");
        expect401(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA");

        // The token where the body around it is wrong: a nonce of another sign-in, broken JSON, too big.
        String other = token(aws.idToken(UUID.randomUUID().toString(), "Nonce"));
        given().contentType(ContentType.JSON).body("{\"idToken\":\"" + other + "\",\"nonce\":\"not-this-one\"}")
                .post("/api/session").then().statusCode(401);
        for (String body : List.of("{\"idToken\":\"" + other + "\"", "{\"idToken\":" + other + "}", other,
                "{\"idToken\":[\"" + other + "\"]}", "{\"idToken\":\"" + other + "\",\"idToken\":\"" + other + "\",}")) {
            given().contentType(ContentType.JSON).body(body).post("/api/session").then().statusCode(400);
        }
        given().contentType(ContentType.JSON).body("{\"idToken\":\"" + other + "\",\"pad\":\"" + "A".repeat(17 * 1024) + "\"}")
                .post("/api/session").then().statusCode(413);

        assertClean();
    }

    @Test
    @Order(3)
    void unknownKidsWhileTheJwksAnswersFailsOrStalls() throws Exception {
        postSession(token(aws.idToken(UUID.randomUUID().toString(), "Keys held"))).statusCode(200);

        expect401(unknownKid()); // a refetch may be due, and finds no such key
        expect401(unknownKid()); // within the refetch interval: refused at once

        aws.fail("Jwks", Fault.error(503, "ServiceUnavailable"));
        nextFetchDue();
        expect401(unknownKid());
        expect401(unknownKid());

        aws.fail("Jwks", Fault.dropped());
        nextFetchDue();
        expect401(unknownKid());

        aws.fail("Jwks", Fault.error(200, "NotAJwks"));
        nextFetchDue();
        expect401(unknownKid());

        aws.fail("Jwks", Fault.slow(LONGER_THAN_THE_TIMEOUT.toMillis()));
        nextFetchDue();
        long failures = fetchFailuresLogged();
        expect401(unknownKid()); // waits the upstream timeout, then is refused
        expect401(unknownKid());
        awaitFetchFailure(failures);

        assertClean();
    }

    /**
     * JWKS fetches that fail after the request that started them has been answered: the background
     * refresh of keys older than an hour (the request is judged with the held keys at once), and a fetch
     * whose caller hung up before the answer.
     */
    @Test
    @Order(6) // last: it ages the held keys by an hour
    void jwksFetchesThatFailLate() throws Exception {
        postSession(token(aws.idToken(UUID.randomUUID().toString(), "Keys held"))).statusCode(200);

        // A caller that gave up: its unknown kid starts a fetch, it hangs up before any answer, and
        // the fetch fails after the answer went nowhere.
        aws.fail("Jwks", new Fault(503, "ServiceUnavailable", UPSTREAM_TIMEOUT.toMillis() / 2, false));
        nextFetchDue();
        long failures = fetchFailuresLogged();
        hangUpEarly(unknownKid());
        awaitFetchFailure(failures);

        // Keys over an hour old: this request starts a refresh in the background and is answered with
        // the keys held at once; the JWKS answers 503 only after that.
        aws.fail("Jwks", new Fault(503, "ServiceUnavailable", UPSTREAM_TIMEOUT.toMillis() * 4 / 5, false));
        CLOCK.pastAllBefore(KEYS_MAX_AGE.plus(REFETCH_INTERVAL));
        int fetches = aws.calls("Jwks");
        answeredBeforeTheFetchEnded(tokenValidNow("Late 503"), fetches);

        // The same, the JWKS never answering: the fetch ends at its own timeout, long after the answer.
        aws.fail("Jwks", Fault.slow(LONGER_THAN_THE_TIMEOUT.toMillis()));
        nextFetchDue();
        fetches = aws.calls("Jwks");
        answeredBeforeTheFetchEnded(tokenValidNow("Late timeout"), fetches);

        assertClean();
    }

    @Test
    @Order(4)
    void identityPoolAndSsmFaults() throws Exception {
        List<Fault> faults = List.of(Fault.error(400, "AccessDeniedException"), Fault.error(400, "NotAuthorizedException"),
                Fault.error(500, "InternalServerError"), Fault.error(503, "ServiceUnavailable"),
                Fault.error(400, "ThrottlingException"), Fault.error(400, "ExpiredTokenException"),
                Fault.error(400, "UnrecognizedClientException"), Fault.error(400, "ParameterNotFound"),
                Fault.dropped(), Fault.slow(LONGER_THAN_THE_TIMEOUT.toMillis()));
        for (String operation : List.of("GetId", "GetCredentialsForIdentity", "GetParameter")) {
            for (Fault fault : faults) {
                aws.fail(operation, fault);
                int status = postSession(token(aws.idToken(UUID.randomUUID().toString(), "Faulted"))).extract().statusCode();
                assertThat(status).as("%s answering %s", operation, fault).isBetween(400, 599);
                aws.heal();
            }
        }
        // Cached credentials that SSM stops honouring: dropped and traded again within the one request.
        String viewer = token(aws.idToken(UUID.randomUUID().toString(), "Viewer"));
        postSession(viewer).statusCode(200);
        aws.failOnce("GetParameter", Fault.error(400, "ExpiredTokenException"));
        postSession(viewer).statusCode(200);

        // The reveal (the SecureString decrypted and sent to the user) and the history, through every fault too.
        List<Fault> revealFaults = new ArrayList<>(faults);
        revealFaults.add(Fault.error(400, "ParameterVersionNotFound"));
        revealFaults.add(Fault.error(400, "AccessDeniedException", "User: x is not authorized to perform: kms:Decrypt (Service: AWSKMS)"));
        for (String operation : List.of("GetParameter", "GetParameterHistory")) {
            String endpoint = operation.equals("GetParameter") ? "/api/parameter" : "/api/history";
            for (Fault fault : revealFaults) {
                aws.fail(operation, fault);
                int status = postName(endpoint, token(aws.idToken(UUID.randomUUID().toString(), "Revealer"))).extract().statusCode();
                assertThat(status).as("%s answering %s", operation, fault).isBetween(400, 599);
                aws.heal();
            }
        }
        String revealer = token(aws.idToken(UUID.randomUUID().toString(), "Revealer"));
        postName("/api/parameter", revealer).statusCode(200).body("value", org.hamcrest.Matchers.equalTo(secrets.get(0)));
        postName("/api/history", revealer).statusCode(200);
        postName("/api/parameter", revealer + "x").statusCode(401);

        assertThat(aws.issuedSecrets()).as("credentials the identity pool issued").isNotEmpty();
        assertClean();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** {@code /api/parameter} or {@code /api/history} for the stand-in's parameter. */
    private static io.restassured.response.ValidatableResponse postName(String endpoint, String idToken) {
        return given().contentType(ContentType.JSON).body("{\"idToken\":\"" + idToken + "\",\"name\":\"" + AwsStandIn.PARAMETER + "\"}")
                .post(endpoint).then();
    }

    private void assertClean() {
        secrets.addAll(aws.issuedSecrets());
        logs.assertNoneHolds(tokens, secrets);
    }

    /** Makes the refetch interval pass, so that the next unknown kid (or missing key set) may fetch again. */
    private static void nextFetchDue() {
        CLOCK.pastAllBefore(REFETCH_INTERVAL.plusSeconds(1));
    }

    private String token(String token) {
        tokens.add(token);
        return token;
    }

    private void expect401(String token) {
        postSession(token(token)).statusCode(401);
    }

    private String unknownKid() throws JoseException {
        return AwsStandIn.signWith(aws.idClaims("intruder", "Intruder"), freshKey("unknown-" + UUID.randomUUID()),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** A good token of the pool, valid at the test clock's time (which may run ahead of the real one). */
    private String tokenValidNow(String name) throws JoseException {
        JwtClaims claims = aws.idClaims(UUID.randomUUID().toString(), name);
        Instant now = TestClock.get().instant();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(Duration.ofHours(1)).getEpochSecond()));
        return token(aws.sign(claims));
    }

    /** The request is answered before the JWKS fetch it started has ended, and that fetch then fails. */
    private void answeredBeforeTheFetchEnded(String token, int fetchesBefore) throws InterruptedException {
        long failures = fetchFailuresLogged();
        int status = postSession(token).extract().statusCode();
        assertThat(aws.calls("Jwks")).as("the request started a JWKS fetch").isEqualTo(fetchesBefore + 1);
        assertThat(status).as("answered with the keys held").isEqualTo(200);
        assertThat(fetchFailuresLogged()).as("the fetch had not failed yet when the answer came").isEqualTo(failures);
        awaitFetchFailure(failures);
    }

    /** How many JWKS fetch failures the key source has logged so far in this test. */
    private long fetchFailuresLogged() {
        return logs.lines().stream()
                .filter(line -> line.contains(" io.parameterportal.token.SigningKeys ") && line.contains("JWKS could not be fetched"))
                .count();
    }

    /** Waits until the key source has logged one more fetch failure than {@code before}: the late failure has happened. */
    private void awaitFetchFailure(long before) throws InterruptedException {
        long deadline = System.nanoTime() + LONGER_THAN_THE_TIMEOUT.plusSeconds(3).toNanos();
        while (fetchFailuresLogged() <= before) {
            assertThat(System.nanoTime()).as("a JWKS fetch failure logged in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Sends the token and closes the connection after a fraction of the upstream timeout, before any answer. */
    private static void hangUpEarly(String token) throws Exception {
        byte[] body = ("{\"idToken\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 2_000);
            socket.setSoTimeout((int) UPSTREAM_TIMEOUT.toMillis() / 5);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                in.read();
                throw new AssertionError("the service answered before the JWKS fetch could end; the caller did not hang up early");
            } catch (SocketTimeoutException expected) {
                // Hang up now, while the service still waits for the JWKS.
            }
        }
    }

    private static RsaJsonWebKey freshKey(String kid) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }
}
