package io.parameterportal.session;

import static io.parameterportal.testing.LocalSignIn.app;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.local.userpool.LocalUsers;
import io.parameterportal.testing.AuditRecords;
import io.parameterportal.testing.AwsCallCount;
import io.parameterportal.testing.AppProfiles;
import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.SessionBrowser;
import io.parameterportal.testing.TestClock;
import io.parameterportal.testing.TokenEndpointProbe;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The code flow's session over HTTP (local mode): Sign In through quarkus-oidc, the session cookie, the API read with
 * it, a role switch, refresh, Sign out, and the requests that must not get anywhere (no session, the removed
 * code-exchange body, cross-site posts), counted at the token endpoint and in the portal's AWS calls.
 */
@QuarkusTest
@TestProfile(AppProfiles.CodeFlow.class)
class SessionCookieTest {

    private static final String SESSION_COOKIE = "q_session_" + CodeFlowTenant.TENANT_ID;
    private static final String AUDITOR_ROLE = "arn:aws:iam::000000000000:role/PortalAuditorRole";
    /**
     * Signs in as if the pool's clock were this far behind: the id token then expires within the refresh skew. Only
     * for the sign-in: the local AWS stand-ins check SigV4 dates against the same clock.
     */
    private static final Duration NEAR_EXPIRY = Duration.ofMinutes(60).minus(CodeFlowTenant.REFRESH_BEFORE_EXPIRY).plusSeconds(15);

    @Inject
    TokenEndpointProbe tokenEndpoint;

    @Inject
    MeterRegistry registry;

    @Inject
    LocalUsers users;

    @AfterEach
    void realTime() {
        TestClock.get().reset();
    }

    @Test
    void signInKeepsAnHttpOnlyLaxSessionThatTheApiReadsAgainAndAgain() {
        SessionBrowser browser = new SessionBrowser();
        int exchanges = tokenEndpoint.tokenCalls();
        try (CapturedLogs logs = CapturedLogs.start()) {
            Response callback = browser.signIn("ops", "ops");

            assertThat(callback.header("Location")).as("the code leaves the address").isEqualTo(app() + "/signin");
            assertThat(tokenEndpoint.tokenCalls() - exchanges).as("one code redeemed").isEqualTo(1);
            String setCookie = callback.getHeaders().getValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();
            assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                    .as("plain HTTP in local mode").doesNotContainIgnoringCase("Secure");
            assertThat(browser.get("/signin").statusCode()).as("a reload shows the page again").isEqualTo(200);
            for (int view = 0; view < 2; view++) {
                Response answer = browser.postApi("/api/session", "{}");
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
                assertThat(answer.jsonPath().getString("name")).isEqualTo("Ops User");
                assertThat(answer.asString()).doesNotContain("eyJ");
            }
            assertThat(tokenEndpoint.tokenCalls() - exchanges).as("no further token-endpoint call").isEqualTo(1);
            assertThat(logs.lines()).as("quarkus-oidc wrote at TRACE while signing in").anyMatch(line -> line.contains("io.quarkus.oidc"));
            assertNoGrantOrTokenLogged(logs, browser.cookies().values());
        }
    }

    /**
     * quarkus-oidc reads the cookie; the token in it is judged once, by the portal's verifier (SessionApiIdentity),
     * not by quarkus-oidc's JWT verification as well. A page (here /login) is still quarkus-oidc's alone.
     */
    @Test
    void anApiRequestsSessionTokenIsVerifiedByThePortalNotAgainByQuarkusOidc() {
        String quarkusOidcVerifies = "Verifying the JWT token with the local JWK keys";
        SessionBrowser browser = new SessionBrowser();
        browser.signIn("ops", "ops");
        try (CapturedLogs logs = CapturedLogs.start()) {
            for (String api : List.of("/api/session", "/api/parameter", "/api/history")) {
                String body = api.equals("/api/session") ? "{}" : "{\"name\":\"fa-012-authenticated\"}";
                Response answer = browser.postApi(api, body);
                assertThat(answer.statusCode()).as(api + ": " + answer.asString()).isEqualTo(200);
            }
            assertThat(logs.lines()).as("quarkus-oidc's own verification of the session's token").noneMatch(line -> line.contains(quarkusOidcVerifies));
        }
        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThat(browser.get("/login").statusCode()).as("signed in: on to the page").isEqualTo(303);
            assertThat(logs.lines()).as("a page's session, verified by quarkus-oidc").anyMatch(line -> line.contains(quarkusOidcVerifies));
        }
    }

    /** A cookie this process cannot decrypt (forged, or another secret's) ends the session: 401, never a redirect. */
    @Test
    void anUnreadableCookieOnTheApiIs401SessionEndedNotARedirect() {
        SessionBrowser browser = new SessionBrowser();
        browser.useCookies(Map.of(SESSION_COOKIE, "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..c2FtZS1pdi0xMg.Zm9yZ2Vk.dGFnLXRhZy10YWctdGFn"));

        Response view = browser.postApi("/api/session", "{}");

        assertThat(view.statusCode()).as(view.asString()).isEqualTo(401);
        assertThat(view.jsonPath().getString("reason")).isEqualTo("SESSION_ENDED");
    }

    @Test
    void revealAndHistoryReadTheSessionToo() {
        SessionBrowser browser = new SessionBrowser();
        browser.signIn("ops", "ops");

        Response reveal = browser.postApi("/api/parameter", "{\"name\":\"/portal/ops/api-key\"}");
        Response history = browser.postApi("/api/history", "{\"name\":\"/portal/ops/db-url\"}");
        Response anonymous = new SessionBrowser().postApi("/api/parameter", "{\"name\":\"/portal/ops/api-key\"}");

        assertThat(reveal.statusCode()).as(reveal.asString()).isEqualTo(200);
        assertThat(reveal.jsonPath().getString("value")).isEqualTo("demo-api-key-1234");
        assertThat(history.statusCode()).as(history.asString()).isEqualTo(200);
        assertThat(history.jsonPath().getList("versions")).hasSize(3);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.jsonPath().getString("reason")).isEqualTo("SESSION_ENDED");
    }

    @Test
    void signInIsTheServicesLoginWhichAsksForACodeWithS256StateAndNonce() {
        String index = given().when().get("/").then().statusCode(200).extract().asString();
        assertThat(index).contains("href=\"" + app() + "/login\"").contains("href=\"" + app() + "/logout\"");

        Response login = given().redirects().follow(false).when().get("/login");

        assertThat(login.statusCode()).isEqualTo(302);
        Map<String, String> query = LocalSignIn.queryOf(URI.create(login.header("Location")));
        assertThat(login.header("Location")).startsWith(app() + "/local/oauth2/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", LocalSignIn.CLIENT_ID)
                .containsEntry("redirect_uri", app() + "/signin").containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void theApiWithoutASessionAnswers401WithoutAnyCall() {
        long aws = AwsCallCount.total(registry);
        int tokens = tokenEndpoint.tokenCalls();

        Response answer = new SessionBrowser().postApi("/api/session", "{}");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.jsonPath().getString("reason")).isEqualTo("SESSION_ENDED");
        assertThat(answer.header("Location")).as("never a redirect to the hosted UI").isNull();
        assertThat(AwsCallCount.total(registry)).isEqualTo(aws);
        assertThat(tokenEndpoint.tokenCalls()).isEqualTo(tokens);
    }

    @Test
    void aPostedCodeOrIdTokenIs400WithoutAnyOutboundCall() {
        SessionBrowser browser = new SessionBrowser();
        browser.signIn("demo", "demo");
        long aws = AwsCallCount.total(registry);
        int tokens = tokenEndpoint.tokenCalls();

        for (String body : List.of("{\"code\":\"3f0c8a1e-aaaa\",\"codeVerifier\":\"" + "v".repeat(43) + "\"}",
                "{\"code\":\"3f0c8a1e-aaaa\"}", "{\"idToken\":\"a.b.c\",\"nonce\":\"n\"}")) {
            Response answer = browser.postApi("/api/session", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        }
        assertThat(AwsCallCount.total(registry)).isEqualTo(aws);
        assertThat(tokenEndpoint.tokenCalls()).isEqualTo(tokens);
    }

    @Test
    void aUserInTwoGroupsSwitchesRoleWithoutSigningInAgain() {
        SessionBrowser browser = new SessionBrowser();
        browser.signIn("dual", "dual");
        int tokens = tokenEndpoint.tokenCalls();

        Response preferred = browser.postApi("/api/session", "{}");
        Response auditor = browser.postApi("/api/session", "{\"role\":\"" + AUDITOR_ROLE + "\"}");

        assertThat(preferred.jsonPath().getString("role")).endsWith("/PortalOpsRole");
        assertThat(auditor.statusCode()).as(auditor.asString()).isEqualTo(200);
        assertThat(auditor.jsonPath().getString("role")).isEqualTo(AUDITOR_ROLE);
        assertThat(tokenEndpoint.tokenCalls()).as("no new sign-in").isEqualTo(tokens);
    }

    @Test
    void crossSitePostsWithTheCookieAre403WithoutAnAwsCall() {
        SessionBrowser browser = new SessionBrowser();
        browser.signIn("demo", "demo");
        long aws = AwsCallCount.total(registry);

        Response form = browser.request().contentType(ContentType.URLENC).header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").formParam("role", "x").when().post("/api/session");
        Response fetch = browser.request().contentType(ContentType.JSON).header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").body("{}").when().post("/api/session");
        Response sibling = browser.request().contentType(ContentType.JSON).header("Sec-Fetch-Site", "same-site")
                .body("{}").when().post("/api/session");
        Response otherOrigin = browser.request().contentType(ContentType.JSON).header("Origin", "http://localhost:1")
                .body("{}").when().post("/api/session");
        Response textPlain = browser.request().contentType(ContentType.TEXT).header("Origin", app())
                .body("{}").when().post("/api/session");

        for (Response refused : List.of(form, fetch, sibling, otherOrigin, textPlain)) {
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
            assertThat(refused.jsonPath().getString("reason")).isEqualTo("CROSS_SITE");
        }
        assertThat(AwsCallCount.total(registry)).isEqualTo(aws);
        assertThat(browser.postApi("/api/session", "{}").statusCode()).as("the page's own call").isEqualTo(200);
    }

    @Test
    void signOutClearsTheCookieRevokesTheRefreshTokenAndEndsAtTheHostedUisLogout() {
        SessionBrowser browser = new SessionBrowser();
        browser.signIn("demo", "demo");
        int revocations = tokenEndpoint.revokeCalls();

        Response signOut = browser.get("/logout");

        assertThat(signOut.statusCode()).isIn(302, 303);
        assertThat(signOut.header("Location")).isEqualTo(app() + "/local/logout?client_id=" + LocalSignIn.CLIENT_ID
                + "&logout_uri=" + app().replace(":", "%3A").replace("/", "%2F") + "%2Fsignout");
        assertThat(browser.cookies()).doesNotContainKey(SESSION_COOKIE);
        assertThat(tokenEndpoint.revokeCalls() - revocations).isEqualTo(1);
        Response hostedUi = browser.get(signOut.header("Location"));
        assertThat(hostedUi.header("Location")).isEqualTo(app() + "/signout");
        assertThat(browser.postApi("/api/session", "{}").statusCode()).isEqualTo(401);
        assertThat(browser.get("/signin").header("Location")).as("the page asks for a new sign-in")
                .startsWith(app() + "/local/oauth2/authorize?");
    }

    @Test
    void signInAndSignOutEachWriteOneAuditRecord() {
        SessionBrowser browser = new SessionBrowser();
        List<Map<String, String>> records;
        try (AuditRecords audit = AuditRecords.start()) {
            browser.signIn("demo", "demo");
            browser.get("/logout");
            records = audit.fields().stream()
                    .filter(fields -> fields.get("event").startsWith("sign-")).toList();
        }

        assertThat(records).extracting(fields -> fields.get("event")).containsExactly("sign-in", "sign-out");
        assertThat(records).allSatisfy(fields -> assertThat(fields).containsEntry("user", "Demo User")
                .containsEntry("outcome", "allowed").containsKey("sub"));
        assertThat(records.toString()).doesNotContain("eyJ").doesNotContain("q_session");
    }

    @Test
    void aSessionNearItsExpiryIsRefreshedWithoutTheUserNoticing() {
        SessionBrowser browser = signInNearExpiry("demo");
        int calls = tokenEndpoint.tokenCalls();
        int refusals = tokenEndpoint.tokenRefusals();

        Response refreshed = browser.postApi("/api/session", "{}");
        Response again = browser.postApi("/api/session", "{}");

        assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(tokenEndpoint.tokenCalls() - calls).as("one refresh, then a fresh id token").isEqualTo(1);
        assertThat(tokenEndpoint.tokenRefusals()).isEqualTo(refusals);
    }

    @Test
    void afterAGlobalSignOutTheSessionsRefreshIsRefused() {
        SessionBrowser browser = signInNearExpiry("carol");
        int calls = tokenEndpoint.tokenCalls();
        int refusals = tokenEndpoint.tokenRefusals();
        users.signOutGlobally("carol");
        Collection<String> cookies = browser.cookies().values();

        try (CapturedLogs logs = CapturedLogs.start()) {
            browser.postApi("/api/session", "{}");

            assertThat(tokenEndpoint.tokenCalls() - calls).as("the refresh").isEqualTo(1);
            assertThat(tokenEndpoint.tokenRefusals() - refusals).as("refused by the user pool").isEqualTo(1);
            assertRefusalLoggedAtInfo(logs, cookies);
        }
    }

    @Test
    void aCookieReplayedAfterSignOutCannotBeRefreshed() {
        SessionBrowser browser = signInNearExpiry("demo");
        Map<String, String> copied = browser.cookies();
        browser.get("/logout");
        int refusals = tokenEndpoint.tokenRefusals();

        browser.useCookies(copied);
        Collection<String> cookies = copied.values();
        try (CapturedLogs logs = CapturedLogs.start()) {
            browser.postApi("/api/session", "{}");

            assertThat(tokenEndpoint.tokenRefusals() - refusals).as("the revoked refresh token, refused").isEqualTo(1);
            assertRefusalLoggedAtInfo(logs, cookies);
        }
    }

    /**
     * A refused refresh ends the session as designed: quarkus-oidc's record of the user pool's answer is one INFO line
     * naming the token endpoint and the OAuth error, no ERROR or WARN line, and no token or cookie in any line.
     */
    private static void assertRefusalLoggedAtInfo(CapturedLogs logs, Collection<String> cookies) {
        assertThat(logs.lines()).filteredOn(line -> line.contains(RefusedRefreshLog.CATEGORY)).singleElement().asString()
                .startsWith("INFO " + RefusedRefreshLog.CATEGORY).contains("/oauth2/token", "status: 400", "invalid_grant");
        assertThat(logs.lines()).noneMatch(line -> line.startsWith("ERROR ") || line.startsWith("SEVERE "));
        assertThat(logs.warningsAndErrors()).noneMatch(line -> line.contains("io.quarkus.oidc"));
        assertNoGrantOrTokenLogged(logs, cookies);
    }

    /** No line of any category names a cookie, a token (a JWT), or an OAuth grant's parameters. */
    private static void assertNoGrantOrTokenLogged(CapturedLogs logs, Collection<String> cookies) {
        logs.assertNoneHolds(List.of(), cookies);
        assertThat(logs.lines()).noneMatch(line -> line.contains("eyJ"));
        assertThat(logs.lines()).as("OAuth grant parameters in quarkus-oidc's records")
                .noneMatch(line -> line.contains("refresh_token=") || line.contains("code_verifier=") || line.contains("code="));
    }

    private static SessionBrowser signInNearExpiry(String username) {
        TestClock.get().advance(NEAR_EXPIRY.negated());
        SessionBrowser browser = new SessionBrowser();
        browser.signIn(username, username);
        TestClock.get().reset();
        return browser;
    }
}
