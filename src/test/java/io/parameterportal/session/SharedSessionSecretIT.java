package io.parameterportal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.PortalProcess;
import io.parameterportal.testing.SessionBrowser;
import io.parameterportal.web.Problem;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Two ECS tasks behind one load balancer: the packaged app twice, in aws mode with the code flow, the same
 * {@code PORTAL_SESSION_SECRET} and the same user pool, and a third with another secret (a task of a rotated secret).
 * A session cookie set by either of the two is read by the other; the third cannot read it, and asks for a new sign-in
 * (401 from the API, a redirect to the hosted UI from the page), never a 500.
 *
 * <p>Why aws mode and not local mode: a local-mode process is its own user pool — a signing key, codes and refresh
 * tokens made per start — so a second local process could not verify the first one's id token whatever the secret,
 * unlike two tasks of one Cognito pool. Here {@link AwsStandIn} is that one pool for all three (JWKS, hosted UI, identity
 * pool and SSM). All three share the public URL, as tasks behind an ALB do, and each request carries its Host.
 */
class SharedSessionSecretIT {

    private static final String PUBLIC_URL = "https://portal.example.test";
    private static final String SECRET = "shared-secret-of-both-tasks-0123456789";
    private static final String ROTATED_SECRET = "another-secret-after-rotation-0123456789";
    private static final String SESSION_COOKIE = "q_session_" + CodeFlowTenant.TENANT_ID;

    private static AwsStandIn userPool;
    private static PortalProcess taskA;
    private static PortalProcess taskB;
    private static PortalProcess rotated;

    @BeforeAll
    static void start() throws Exception {
        userPool = new AwsStandIn();
        userPool.start(0);
        taskA = PortalProcess.start("task A", settings(SECRET));
        taskB = PortalProcess.start("task B", settings(SECRET));
        rotated = PortalProcess.start("task with another secret", settings(ROTATED_SECRET));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable each : new AutoCloseable[] { taskA, taskB, rotated }) {
            if (each != null) {
                try {
                    each.close();
                } catch (Exception e) {
                    // the next one still stops
                }
            }
        }
        if (userPool != null) {
            userPool.stop();
        }
    }

    private static Map<String, String> settings(String secret) {
        return Map.ofEntries(Map.entry("PORTAL_MODE", "aws"), Map.entry("PORTAL_OAUTH_FLOW", "code"),
                Map.entry("PORTAL_SESSION_SECRET", secret), Map.entry("AWS_REGION", AwsStandIn.REGION),
                Map.entry("PORTAL_USER_POOL_ID", AwsStandIn.POOL), Map.entry("PORTAL_CLIENT_ID", AwsStandIn.CLIENT),
                Map.entry("PORTAL_IDENTITY_POOL_ID", AwsStandIn.IDENTITY_POOL),
                Map.entry("PORTAL_PARAMETER_NAME", AwsStandIn.PARAMETER), Map.entry("PORTAL_PUBLIC_URL", PUBLIC_URL),
                Map.entry("PORTAL_HOSTED_UI_DOMAIN", userPool.endpoint()), Map.entry("PORTAL_AWS_ENDPOINT", userPool.endpoint()));
    }

    @Test
    void aSessionCookieOfOneTaskIsReadByTheOther() {
        int tokenCalls = userPool.calls("Token");
        SessionBrowser signedInAtA = signIn(taskA);
        SessionBrowser signedInAtB = signIn(taskB);

        for (SessionBrowser browser : List.of(signedInAtA, signedInAtB)) {
            for (PortalProcess task : List.of(taskA, taskB)) {
                Response view = postView(browser, task);
                assertThat(view.statusCode()).as(view.asString()).isEqualTo(200);
                assertThat(view.jsonPath().getString("name")).isEqualTo(AwsStandIn.SESSION_USER_NAME);
                assertThat(page(browser, task).statusCode()).as("the signed-in page, reloaded").isEqualTo(200);
            }
        }
        assertThat(userPool.calls("Token") - tokenCalls).as("one code redeemed per sign-in, nothing else").isEqualTo(2);
    }

    @Test
    void aTaskWithAnotherSecretAsksForANewSignInNeverA500() {
        SessionBrowser browser = signIn(taskA);
        Map<String, String> cookies = browser.cookies();
        int tokenCalls = userPool.calls("Token");
        int awsCalls = userPool.totalAwsCalls();
        int linesBefore = rotated.console().size();

        Response view = postView(browser, rotated);
        Response reload = page(browser, rotated);
        rotated.close(); // its console, read to the end

        assertThat(view.statusCode()).as(view.asString()).isEqualTo(401);
        assertThat(view.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(view.jsonPath().getString("reason")).isEqualTo("SESSION_ENDED");
        assertThat(reload.statusCode()).as("the page asks for a sign-in").isEqualTo(302);
        assertThat(reload.header("Location")).startsWith(userPool.endpoint() + "/oauth2/authorize?");
        assertThat(userPool.calls("Token")).as("nothing redeemed or refreshed").isEqualTo(tokenCalls);
        assertThat(userPool.totalAwsCalls()).isEqualTo(awsCalls);
        List<String> console = rotated.console();
        assertThat(console.subList(linesBefore, console.size())).as("nothing logged at WARN or ERROR for a cookie it cannot read")
                .noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN "));
        browser.useCookies(cookies);
        assertThat(postView(browser, taskA).statusCode()).as("the cookie itself is still good").isEqualTo(200);
    }

    /** A sign-in through {@code task}: its {@code /login}, the hosted UI, its {@code /signin} callback. */
    private static SessionBrowser signIn(PortalProcess task) {
        SessionBrowser browser = new SessionBrowser();
        Response login = browser.keep(at(browser, task).get("/login"));
        assertThat(login.statusCode()).as(login.asString()).isEqualTo(302);
        Response hostedUi = browser.request().get(login.header("Location"));
        assertThat(hostedUi.statusCode()).as(hostedUi.asString()).isEqualTo(302);
        // The callback names the public URL (https, the ALB's): the request goes to this task, as the ALB would send it.
        URI callback = URI.create(hostedUi.header("Location"));
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath()).isEqualTo(PUBLIC_URL + "/signin");
        Response signedIn = browser.keep(at(browser, task).get(callback.getRawPath() + "?" + callback.getRawQuery()));
        assertThat(signedIn.statusCode()).as(signedIn.asString()).isEqualTo(302);
        assertThat(browser.cookies()).containsKey(SESSION_COOKIE);
        return browser;
    }

    /** The page's own call: JSON, same origin, the cookie. */
    private static Response postView(SessionBrowser browser, PortalProcess task) {
        return browser.keep(at(browser, task).contentType(ContentType.JSON).header("Origin", PUBLIC_URL)
                .header("Sec-Fetch-Site", "same-origin").body("{}").post("/api/session"));
    }

    private static Response page(SessionBrowser browser, PortalProcess task) {
        return browser.keep(at(browser, task).get("/signin"));
    }

    /** A request of {@code browser} to {@code task}, addressed to the public URL's host as the load balancer passes it on. */
    private static RequestSpecification at(SessionBrowser browser, PortalProcess task) {
        return browser.request().baseUri(task.address()).header("Host", URI.create(PUBLIC_URL).getHost());
    }
}
