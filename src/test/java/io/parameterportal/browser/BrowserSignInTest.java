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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The tutorial's flow in a real (headless Chromium) browser, against local mode: the index page's
 * links, the local hosted UI's form, the redirect with tokens in the fragment, and what
 * {@code signin.js} makes of them. {@link BrowserSignInIT} runs the same against the packaged jar.
 */
@QuarkusTest
public class BrowserSignInTest {

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

    /** One browser for the class: every test starts on the index page with nothing left in storage. */
    @BeforeEach
    void freshStart() {
        driver().manage().deleteAllCookies();
        open("/");
        ((JavascriptExecutor) driver()).executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
    }

    @Test
    void demoUserSignsInThroughTheLocalHostedUiAndSeesTheParameter(TestInfo test) {
        driver().findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(path()).isEqualTo("/local/login");

        signInAs("demo", "demo");

        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Demo User");
        assertThat(text("parameter")).as(detail()).isEqualTo("SSM Parameter Store: Authenticated");
        // signin.js drops the tokens from the address bar (and history).
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin")).doesNotContain("#").doesNotContain("id_token");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "signed-in");
    }

    @Test
    void signinPageWithoutTokenGreetsAGuestAndDeniesTheParameter() {
        open("/signin");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("parameter")).isEqualTo("Deny access to SSM Parameter Store.");
    }

    @Test
    void signinPageWithAGarbageTokenGreetsAGuestAndDeniesTheParameter() {
        open("/signin#id_token=garbage");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("parameter")).isEqualTo("Deny access to SSM Parameter Store.");
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin")).doesNotContain("garbage");
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginPageWithoutRedirect() {
        driver().findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));

        signInAs("demo", "not-the-password");

        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(path()).isEqualTo("/local/login");
        assertThat(driver().getCurrentUrl()).doesNotContain("#").doesNotContain("id_token");
        // still the form, ready for another try
        assertThat(driver().findElement(By.name("password")).isDisplayed()).isTrue();
    }

    @Test
    void signOutLinkLeadsToTheSignedOutPage() {
        driver().findElement(By.id("sign-out")).click();

        WebElement signedOut = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(signedOut.getText()).isEqualTo("You are signed out.");
        assertThat(path()).isEqualTo("/signout");
    }

    @Test
    void indexPageShowsTheLocalModeBanner() {
        WebElement banner = driver().findElement(By.id("local-mode-banner"));
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).containsIgnoringCase("local mode");
    }

    private static WebDriver driver() {
        return chromium.driver();
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

    private static String path() {
        return URI.create(driver().getCurrentUrl()).getPath();
    }

    private static void signInAs(String username, String password) {
        WebElement user = driver().findElement(By.name("username"));
        user.clear();
        user.sendKeys(username);
        driver().findElement(By.name("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** signin.js first drops the fragment, then writes both lines once it has decided (after the API call, if any). */
    private static void waitForSigninPageFilledIn() {
        waitFor().until(ExpectedConditions.urlMatches("/signin$"));
        waitFor().until(d -> !text("name").isEmpty() && !text("parameter").isEmpty());
    }

    private static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    private static String detail() {
        return "page says: " + driver().findElement(By.tagName("main")).getText();
    }
}
