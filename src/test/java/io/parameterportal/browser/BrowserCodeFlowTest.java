package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.parameterportal.testing.AppProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The code flow in a real (headless Chromium) browser, against local mode with {@code portal.oauth-flow=code}: Sign In
 * is the service's {@code /login} (quarkus-oidc makes state, nonce and the PKCE verifier and keeps them in its
 * encrypted state cookie), the code comes back to {@code /signin} and is redeemed by the service, and the page then
 * reads the API with an HttpOnly session cookie: no code or token ever sits in the address bar, the page or web
 * storage. {@link BrowserCodeFlowIT} runs the same against the jar.
 */
@QuarkusTest
@TestProfile(AppProfiles.CodeFlow.class)
public class BrowserCodeFlowTest extends BrowserTest {

    private static final String SESSION_COOKIE = "q_session_portal-code-flow";

    @Test
    void opsSignsInAndTheTokensNeverReachThePage(TestInfo test) {
        clickSignIn();
        assertThat(hidden("response_type")).isEqualTo("code");
        assertThat(hidden("code_challenge_method")).isEqualTo("S256");

        signInAs("ops", "ops");

        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Ops User");
        assertThat(text("parameter")).as(detail()).isEqualTo("SSM Parameter Store: Authenticated");
        assertThat(driver().getCurrentUrl()).as("no code or state in the address").isEqualTo(url("/signin"));
        assertThat(driver().getPageSource()).doesNotContain("eyJ");
        assertThat(script("return Object.keys(sessionStorage).length + Object.keys(localStorage).length;"))
                .as("nothing in web storage").isEqualTo(0L);
        assertThat(script("return document.cookie;")).as("the session cookie is out of the page's reach").isEqualTo("");
        Cookie session = driver().manage().getCookieNamed(SESSION_COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "signed-in-with-code");
    }

    @Test
    void aReloadShowsTheViewAgainWithoutThePassword() {
        clickSignIn();
        signInAs("ops", "ops");
        waitForSigninPageFilledIn();

        driver().navigate().refresh();

        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Ops User");
        assertThat(driver().findElements(By.name("password"))).isEmpty();
    }

    @Test
    void aUserInTwoGroupsSwitchesRoleWithoutSigningInAgain() {
        clickSignIn();
        signInAs("dual", "dual");
        waitForSigninPageFilledIn();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("role")));

        new Select(driver().findElement(By.id("role"))).selectByVisibleText("PortalAuditorRole");

        // Read through the page, not through element handles: each answer rebuilds the picker's options.
        waitFor().until(d -> apiCalls() == 2 && String.valueOf(script("return document.getElementById('role').value;"))
                .endsWith("/PortalAuditorRole") && text("detail").isEmpty());
        assertThat(path()).isEqualTo("/signin");
        assertThat(text("name")).as(detail()).isEqualTo("Name: Dual Role");
        assertThat(driver().findElements(By.name("password"))).isEmpty();
    }

    @Test
    void signOutEndsTheSessionSoAReloadAsksForThePassword() {
        clickSignIn();
        signInAs("demo", "demo");
        waitForSigninPageFilledIn();
        Set<Cookie> before = driver().manage().getCookies();
        assertThat(before).extracting(Cookie::getName).contains(SESSION_COOKIE);

        driver().findElement(By.id("sign-out")).click();

        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        assertThat(driver().manage().getCookieNamed(SESSION_COOKIE)).isNull();
        open("/signin");
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
    }

    @Test
    void aSessionThatEndedSaysSoOnThePage() {
        clickSignIn();
        signInAs("demo", "demo");
        waitForSigninPageFilledIn();

        driver().manage().deleteCookieNamed(SESSION_COOKIE);
        script("document.getElementById('role').dispatchEvent(new Event('change'));");

        waitFor().until(d -> text("detail").startsWith("Your session ended"));
        assertThat(text("detail")).isEqualTo("Your session ended \u2014 sign in again.");
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
