package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;

import io.parameterportal.testing.CodeFlowProfile;
import io.parameterportal.testing.Pkce;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The authorization code flow with PKCE in a real (headless Chromium) browser, against local mode with
 * {@code portal.oauth-flow=code}: index.js makes the verifier and its S256 challenge with WebCrypto, the local
 * hosted UI sends a code back, signin.js drops it from the address bar, checks the state and posts the code with
 * the verifier; the tokens never reach the browser. {@link BrowserCodeFlowIT} runs the same against the jar.
 */
@QuarkusTest
@TestProfile(CodeFlowProfile.class)
public class BrowserCodeFlowTest extends BrowserTest {

    @Test
    void demoUserSignsInWithACodeAndTheTokensNeverReachTheBrowser(TestInfo test) {
        clickSignIn();

        // The hosted UI got the S256 challenge of the verifier this tab keeps, never the verifier itself.
        String verifier = (String) script("return sessionStorage.getItem('portal.verifier');");
        assertThat(verifier).matches("[A-Za-z0-9_-]{43}");
        assertThat(hidden("code_challenge_method")).isEqualTo("S256");
        assertThat(hidden("code_challenge")).isEqualTo(Pkce.challengeOf(verifier));
        assertThat(hidden("response_type")).isEqualTo("code");
        assertThat(driver().getCurrentUrl()).doesNotContain(verifier);

        signInAs("demo", "demo");

        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Demo User");
        assertThat(text("parameter")).as(detail()).isEqualTo("SSM Parameter Store: Authenticated");
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin"));
        assertThat(driver().getPageSource()).doesNotContain("eyJ");
        assertThat(script("return Object.keys(sessionStorage).filter(k => k.startsWith('portal.')).length;"))
                .as("state, nonce and verifier are removed once used").isEqualTo(0L);
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "signed-in-with-code");
    }

    @Test
    void codeWithAStateThisTabDidNotSendIsRefusedWithoutPostingIt() {
        clickSignIn();

        open("/signin?code=3f0c8a1e-stolen&state=forged");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("parameter")).isEqualTo("Deny access to SSM Parameter Store.");
        assertThat(text("detail")).contains("not started from this page");
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin")).doesNotContain("stolen");
        assertThat(apiCalls()).isZero();
    }

    @Test
    void codeWithoutAStartedSignInIsRefusedWithoutPostingIt() {
        open("/signin?code=3f0c8a1e-unasked&state=whatever");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("detail")).contains("not started from this page");
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin"));
        assertThat(apiCalls()).isZero();
    }

    @Test
    void hostedUiRefusalComesBackAsAnErrorAndIsShown() {
        open("/signin?error=invalid_request&error_description=Unsupported+code_challenge_method&state=s");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("detail")).isEqualTo("The hosted UI refused the sign-in (invalid_request); sign in again.");
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin"));
    }

    @Test
    void aSecondLoadOfTheSigninPageFindsNothingToRedeem() {
        clickSignIn();
        signInAs("demo", "demo");
        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Demo User");

        driver().navigate().refresh();

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(apiCalls()).isZero();
    }

    /** Posts to /api/session the current page made. */
    private static long apiCalls() {
        return (Long) script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname === '/api/session').length;");
    }

    private static String hidden(String name) {
        return driver().findElement(By.name(name)).getAttribute("value");
    }
}
