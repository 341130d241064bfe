package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.parameterportal.testing.CodeFlowProfile;
import io.parameterportal.testing.Pkce;
import io.quarkus.test.common.http.TestHTTPResource;
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
public class BrowserCodeFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Chromium chromium;

    @RegisterExtension
    static final BrowserScreenshots SCREENSHOTS = new BrowserScreenshots(() -> chromium == null ? null : chromium.driver());

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (chromium != null) {
            try {
                chromium.close();
            } finally {
                chromium = null;
            }
        }
    }

    @BeforeEach
    void freshStart() {
        driver().manage().deleteAllCookies();
        open("/");
        script("window.sessionStorage.clear(); window.localStorage.clear();");
    }

    @Test
    void demoUserSignsInWithACodeAndTheTokensNeverReachTheBrowser(TestInfo test) {
        driver().findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));

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
        driver().findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));

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
        driver().findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        signInAs("demo", "demo");
        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Demo User");

        driver().navigate().refresh();

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(apiCalls()).isZero();
    }

    private static WebDriver driver() {
        return chromium.driver();
    }

    private static Object script(String source) {
        return ((JavascriptExecutor) driver()).executeScript(source);
    }

    /** Posts to /api/session the current page made. */
    private static long apiCalls() {
        return (Long) script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname === '/api/session').length;");
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(driver(), WAIT);
    }

    private void open(String path) {
        driver().get(url(path));
    }

    private String url(String path) {
        return app.toString().replaceAll("/$", "") + path;
    }

    private static String hidden(String name) {
        return driver().findElement(By.name(name)).getAttribute("value");
    }

    private static void signInAs(String username, String password) {
        driver().findElement(By.name("username")).sendKeys(username);
        driver().findElement(By.name("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** signin.js first drops query and fragment, then writes both lines once it has decided. */
    private static void waitForSigninPageFilledIn() {
        waitFor().until(ExpectedConditions.urlMatches("/signin$"));
        waitFor().until(d -> !text("name").isEmpty() && !text("parameter").isEmpty());
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    private static String detail() {
        return "page says: " + driver().findElement(By.tagName("main")).getText() + " at "
                + URI.create(driver().getCurrentUrl()).getPath();
    }
}
