package io.parameterportal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.CodeFlowProfile;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.SessionBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The code flow's session over HTTP: sign-in through quarkus-oidc, the cookie, the API with it, sign-out. */
@QuarkusTest
@TestProfile(CodeFlowProfile.class)
class SessionCookieTest {

    @Test
    void signInKeepsASessionThatTheApiReadsAgainAndAgain() {
        SessionBrowser browser = new SessionBrowser();
        Response callback = browser.signIn("ops", "ops");

        assertThat(callback.header("Location")).isEqualTo(LocalSignIn.app() + "/signin");
        assertThat(browser.cookies()).containsKey("q_session_" + CodeFlowTenant.TENANT_ID);
        for (int view = 0; view < 2; view++) {
            Response answer = browser.postApi("/api/session", "{}");
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("name")).isEqualTo("Ops User");
        }
    }
}
