package io.parameterportal.moto;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.parameterportal.testing.SessionRequests.postSessionBody;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.blankOrNullString;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.moto.MotoFixture.MotoUser;
import io.parameterportal.moto.MotoFixture.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * {@code POST /api/session} against a real moto: a token from moto's own sign-in is traded at
 * moto's identity pool and the parameter read from moto's SSM; AWS calls are counted from
 * {@code /q/metrics}. Re-run against the packaged jar by {@link MotoSessionIT}.
 */
@QuarkusTest
@TestProfile(MotoProfiles.Seeded.class)
class MotoSessionTest {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final int CONCURRENT_VIEWS = 8;
    private static final Duration CONCURRENT_DEADLINE = Duration.ofSeconds(30);

    @InjectMoto
    MotoFixture moto;

    @InjectMoto
    MotoGate gate;

    @Test
    void signedInUserSeesTheirNameAndTheParameterReadWithTheirCredentials() {
        Tokens tokens = moto.signIn(MotoFixture.USER);

        postSession(tokens.idToken())
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", equalTo("Moto User"))
                .body("parameter.name", equalTo(MotoFixture.PARAMETER))
                .body("parameter.value", equalTo(MotoFixture.PARAMETER_VALUE));
    }

    @Test
    void firstViewTradesTheTokenOnceAndARepeatViewOnlyReadsTheParameter() {
        MotoUser user = moto.newUser("First Viewer");
        String idToken = moto.signIn(user).idToken();

        AwsCalls beforeFirst = AwsCalls.now();
        postSession(idToken).statusCode(200).body("name", equalTo("First Viewer"));
        AwsCalls afterFirst = AwsCalls.now();
        assertThat(afterFirst.since(beforeFirst)).as("AWS calls of a user's first view").isEqualTo(Map.of(
                AwsCalls.GET_ID, 1L, AwsCalls.GET_CREDENTIALS, 1L, AwsCalls.GET_PARAMETER, 1L));

        postSession(idToken).statusCode(200).body("parameter.value", equalTo(MotoFixture.PARAMETER_VALUE));
        assertThat(AwsCalls.now().since(afterFirst)).as("AWS calls of a repeat view with the same token")
                .isEqualTo(Map.of(AwsCalls.GET_PARAMETER, 1L));
    }

    @Test
    void aNewSignInOfTheSameUserIsTradedOnItsOwnNeverServedAnotherTokensCredentials() {
        MotoUser user = moto.newUser("Returning User");
        String firstToken = moto.signIn(user).idToken();
        postSession(firstToken).statusCode(200);
        String secondToken = moto.signIn(user).idToken();
        assertThat(secondToken).isNotEqualTo(firstToken);

        AwsCalls before = AwsCalls.now();
        postSession(secondToken).statusCode(200).body("name", equalTo("Returning User"));
        assertThat(AwsCalls.now().since(before)).as("AWS calls of a view with a fresh token of a known user")
                .isEqualTo(Map.of(AwsCalls.GET_ID, 1L, AwsCalls.GET_CREDENTIALS, 1L, AwsCalls.GET_PARAMETER, 1L));
    }

    @Test
    void concurrentFirstViewsOfOneUserShareOneCredentialTrade() throws Exception {
        MotoUser user = moto.newUser("Busy User");
        String idToken = moto.signIn(user).idToken();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(sessionUri())
                .timeout(CONCURRENT_DEADLINE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"idToken\":\"" + idToken + "\"}"))
                .build();

        AwsCalls before = AwsCalls.now();
        long lookupsBefore = credentialLookups();
        // The first view's trade waits at the gate until every view has asked for the user's credentials:
        // the views overlap for sure, and each of the others either joins that trade or starts its own.
        gate.holdGetId();
        List<CompletableFuture<HttpResponse<String>>> views = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENT_VIEWS; i++) {
                views.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            gate.awaitHeld(1);
            awaitCredentialLookups(lookupsBefore + CONCURRENT_VIEWS);
            assertThat(gate.held()).as("trades waiting at the gate once all %d views asked", CONCURRENT_VIEWS).isEqualTo(1);
        } finally {
            gate.release();
        }
        CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
                .get(CONCURRENT_DEADLINE.toSeconds(), TimeUnit.SECONDS);

        for (CompletableFuture<HttpResponse<String>> view : views) {
            HttpResponse<String> response = view.join();
            assertThat(response.statusCode()).as("status of a concurrent first view: %s", response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"Busy User\"").contains("\"" + MotoFixture.PARAMETER_VALUE + "\"");
        }
        assertThat(AwsCalls.now().since(before)).as("AWS calls of %d concurrent first views of one user", CONCURRENT_VIEWS)
                .isEqualTo(Map.of(AwsCalls.GET_ID, 1L, AwsCalls.GET_CREDENTIALS, 1L,
                        AwsCalls.GET_PARAMETER, (long) CONCURRENT_VIEWS));
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = { "not json", "{\"idToken\":", "<idToken>x</idToken>", "idToken=abc", "[\"a\",\"b\"]" })
    void aBodyThatIsNotTheJsonObjectIs400Problem(String body) {
        AwsCalls before = AwsCalls.now();
        postSessionBody(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", is(400))
                .body("title", not(blankOrNullString()))
                .body("detail", not(blankOrNullString()));
        assertThat(AwsCalls.now().since(before)).as("AWS calls caused by an unreadable body").isEmpty();
    }

    @Test
    void aPlainTextBodyIs400ProblemToo() {
        given().contentType(ContentType.TEXT).body("hello").when().post("/api/session")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", not(blankOrNullString()));
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = { "{}", "{\"idToken\":null}", "{\"idToken\":\"\"}", "{\"token\":\"abc\"}" })
    void aBodyWithoutAnIdTokenIsRefusedAsAProblemWithoutAnAwsCall(String body) {
        AwsCalls before = AwsCalls.now();
        int status = postSessionBody(body)
                .contentType(PROBLEM_JSON)
                .body("detail", not(blankOrNullString()))
                .extract().statusCode();
        assertThat(status).as("status for %s", body).isBetween(400, 499);
        assertThat(AwsCalls.now().since(before)).as("AWS calls caused by a body without a token").isEmpty();
    }

    /** Lookups of the credential cache ({@code cache_gets_total{cache="portal.credentials"}}, hits and misses), from /q/metrics. */
    private static long credentialLookups() {
        String text = given().accept("text/plain").port(MotoProfiles.managementPort())
                .when().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith("cache_gets_total{cache=\"portal.credentials\""))
                .mapToLong(line -> Math.round(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))).sum();
    }

    private static void awaitCredentialLookups(long count) throws InterruptedException {
        long deadline = System.nanoTime() + CONCURRENT_DEADLINE.toNanos();
        while (credentialLookups() < count) {
            assertThat(System.nanoTime()).as("%d credential lookups in time", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static URI sessionUri() {
        String base = RestAssured.baseURI.endsWith("/") ? RestAssured.baseURI.substring(0, RestAssured.baseURI.length() - 1)
                : RestAssured.baseURI;
        return URI.create(base + ":" + RestAssured.port + "/api/session");
    }
}
