package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every browser test shares: one headless Chromium per class, a screenshot of each failed test,
 * a fresh start on the index page with nothing left in storage, and the page steps a user takes.
 */
abstract class BrowserTest {

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

    static WebDriver driver() {
        return chromium.driver();
    }

    static Object script(String source) {
        return ((JavascriptExecutor) driver()).executeScript(source);
    }

    static WebDriverWait waitFor() {
        return new WebDriverWait(driver(), WAIT);
    }

    void open(String path) {
        driver().get(url(path));
    }

    String url(String path) {
        return app.toString().replaceAll("/$", "") + path;
    }

    static String path() {
        return URI.create(driver().getCurrentUrl()).getPath();
    }

    /** Clicks Sign In and waits for the hosted UI's form. */
    static void clickSignIn() {
        driver().findElement(By.id("sign-in")).click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    static void signInAs(String username, String password) {
        WebElement user = driver().findElement(By.name("username"));
        user.clear();
        user.sendKeys(username);
        driver().findElement(By.name("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** signin.js first drops query and fragment, then writes both lines once it has decided (after the API call, if any). */
    static void waitForSigninPageFilledIn() {
        waitFor().until(ExpectedConditions.urlMatches("/signin$"));
        waitFor().until(d -> !text("name").isEmpty() && !text("parameter").isEmpty());
    }

    /** Signs in as ops/ops from the index page and waits for both path tables. */
    static void signInAsOps() {
        clickSignIn();
        signInAs("ops", "ops");
        waitForSigninPageFilledIn();
        waitFor().until(d -> d.findElements(By.cssSelector("#paths table")).size() == 2);
    }

    /** The table row of one parameter. */
    static WebElement rowOf(String name) {
        return driver().findElements(By.cssSelector("#paths tbody tr")).stream()
                .filter(row -> !row.findElements(By.cssSelector(".name")).isEmpty()
                        && row.findElement(By.cssSelector(".name")).getText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + name + "; " + detail()));
    }

    /** axe-core finds nothing on the page as it is now. */
    static void assertAccessible(String where) {
        assertThat(Axe.violations(driver())).as("axe-core on %s", where).isEmpty();
    }

    static String text(String id) {
        return driver().findElement(By.id(id)).getText();
    }

    static String detail() {
        return "page says: " + driver().findElement(By.tagName("main")).getText() + " at " + path();
    }
}
