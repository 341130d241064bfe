package io.parameterportal.local;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.LocalAwsClients;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A user Cognito stops honouring — signed out globally, or disabled — loses access through the portal
 * within PORTAL_CREDENTIAL_CACHE_MAX_AGE (5 minutes by default): the cached credentials of their token
 * serve repeat views until then, and the next trade at the (local) identity pool is refused.
 *
 * <p>A global sign-out revokes every token issued up to its second, including those a later test would sign in within
 * that second: the one test that signs the user out globally runs last, the others disable and enable instead.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationWindowTest {

    private static final String USER = "carol";
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String POOL = "us-east-1_LocalDemo";

    private CognitoIdentityProviderClient userPool;

    @BeforeEach
    void adminClient() {
        userPool = CognitoIdentityProviderClient.builder()
                .endpointOverride(LocalAwsClients.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void restore() {
        TestClock.get().reset();
        userPool.adminEnableUser(r -> r.userPoolId(POOL).username(USER));
        userPool.close();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aGloballySignedOutUserLosesAccessWithinTheWindow() {
        String token = LocalSignIn.idTokenOf(USER, USER);
        // The credentials were issued between these two instants: the window is counted from there, not from
        // the sign-out, however long the first view took on a busy machine.
        Instant beforeTrade = TestClock.get().instant();
        postSession(token).statusCode(200).body("parameter.value", equalTo("Authenticated"));
        Instant afterTrade = TestClock.get().instant();

        userPool.adminUserGlobalSignOut(r -> r.userPoolId(POOL).username(USER));

        TestClock.get().advanceTo(beforeTrade.plus(WINDOW).minusSeconds(1));
        postSession(token).statusCode(200);
        TestClock.get().advanceTo(afterTrade.plus(WINDOW).plusSeconds(1));
        postSession(token).statusCode(403).body("name", equalTo("Carol Revoked"));

        // A sign-in after the sign-out is a new session, honoured again.
        postSession(LocalSignIn.idTokenOf(USER, USER)).statusCode(200);
    }

    @Test
    void aDisabledUserLosesAccessWithinTheWindowAndCannotSignIn() {
        String token = LocalSignIn.idTokenOf(USER, USER);
        postSession(token).statusCode(200);

        userPool.adminDisableUser(r -> r.userPoolId(POOL).username(USER));

        postSession(token).statusCode(200);
        TestClock.get().advance(WINDOW.plusSeconds(1));
        postSession(token).statusCode(403).body("name", equalTo("Carol Revoked"));
        Response signIn = LocalSignIn.postForm(USER, USER, java.util.Map.of());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.asString()).contains("User is disabled.");

        userPool.adminEnableUser(r -> r.userPoolId(POOL).username(USER));
        postSession(LocalSignIn.idTokenOf(USER, USER)).statusCode(200);
    }

    /** The portal's own INFO line says what AWS answered; the cache the trade ran in adds no WARN with a stack trace. */
    @Test
    void aRefusedTradeIsOneInfoLineWithoutAStackTrace() {
        String token = LocalSignIn.idTokenOf(USER, USER);
        // Disabled, not signed out: a global sign-out would also refuse the tokens the next tests sign in within the
        // same second (a sign-out revokes every token issued up to its second); @AfterEach enables the user again.
        userPool.adminDisableUser(r -> r.userPoolId(POOL).username(USER));

        try (CapturedLogs logs = CapturedLogs.start()) {
            postSession(token).statusCode(403).body("name", equalTo("Carol Revoked"));

            assertThat(logs.lines()).as("lines at INFO or above, besides the audit record of the denied view")
                    .filteredOn(line -> Set.of("INFO", "WARN", "WARNING", "ERROR", "SEVERE", "FATAL").contains(line.split(" ", 2)[0]))
                    .filteredOn(line -> !line.startsWith("INFO audit "))
                    .singleElement().asString()
                    .startsWith("INFO io.parameterportal.web.ProblemMapper")
                    .contains("AWS call ended with 403", "NotAuthorizedException")
                    .as("one line, no stack trace").doesNotContain("\n");
            assertThat(logs.lines()).as("the audit record of the denied view")
                    .filteredOn(line -> line.startsWith("INFO audit ")).singleElement().asString()
                    .contains("event=view", "outcome=denied", "user=Carol Revoked");
            assertThat(logs.lines()).as("the cache's own record of the failed load, at any level")
                    .noneMatch(line -> line.contains("com.github.benmanes.caffeine"));
        }
    }

    @Test
    void anUnknownUserIsNotFoundByTheAdminApi() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> userPool.adminDisableUser(r -> r.userPoolId(POOL).username("nobody")))
                .isInstanceOf(software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException.class);
    }
}
