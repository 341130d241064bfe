package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the ops user does on the signed-in page, in Chromium against local mode: search across the paths,
 * reveal a SecureString on demand (Show, Hide, the timer, Copy) and read a parameter's history.
 * {@link BrowserOpsViewIT} runs the same against the packaged jar.
 */
@QuarkusTest
public class BrowserOpsViewTest extends BrowserTest {

    @Test
    void typingInTheSearchBoxNarrowsTheRowsOfEveryPathAndSaysHowManyMatch() {
        signInAsOps();
        WebElement search = driver().findElement(By.cssSelector("input[type=search]"));
        assertThat(driver().findElement(By.cssSelector("label[for=filter]")).getText()).isEqualTo("Find a parameter");
        assertThat(text("filter-count")).isEqualTo("3 of 3 parameters");
        assertThat(driver().findElement(By.id("filter-count")).getAttribute("aria-live")).isEqualTo("polite");

        search.sendKeys("db");
        assertThat(visibleNames()).containsExactly("/portal/ops/db-url");
        assertThat(text("filter-count")).isEqualTo("1 of 3 parameters");
        assertThat(noMatchSentences()).containsExactly("No parameter here matches the search.");

        search.clear();
        search.sendKeys("WELCOME"); // a String's value, any case
        assertThat(visibleNames()).containsExactly("/portal/public/motd");
        assertThat(text("filter-count")).isEqualTo("1 of 3 parameters");

        search.clear();
        search.sendKeys("demo-api-key"); // a SecureString's value is not on the page, so it cannot match
        assertThat(visibleNames()).isEmpty();
        assertThat(text("filter-count")).isEqualTo("0 of 3 parameters");
        assertAccessible("the ops view with nothing matching the search");

        search.clear();
        search.sendKeys("portal");
        assertThat(visibleNames()).containsExactly("/portal/public/motd", "/portal/ops/api-key", "/portal/ops/db-url");
        assertThat(text("filter-count")).isEqualTo("3 of 3 parameters");
        assertThat(noMatchSentences()).isEmpty();
    }

    @Test
    void showFetchesTheValueOnClickOnlyAndHideTakesItOffThePage() {
        signInAsOps();
        assertThat(calls("/api/parameter")).as("a view reveals nothing").isZero();
        assertThat(driver().getPageSource()).doesNotContain(API_KEY_VALUE);

        WebElement show = button(rowOf(API_KEY), "Show");
        show.sendKeys(Keys.ENTER); // keyboard-usable
        waitFor().until(d -> rowOf(API_KEY).getText().contains(API_KEY_VALUE));
        assertThat(calls("/api/parameter")).as("one request, made on the click").isEqualTo(1);
        assertThat(show.getText()).isEqualTo("Hide");
        assertThat(show.getAttribute("aria-label")).isEqualTo("Hide the value of " + API_KEY);
        assertThat(driver().switchTo().activeElement()).as("the focus stays on the button").isEqualTo(show);

        show.sendKeys(Keys.ENTER);
        waitFor().until(d -> !d.getPageSource().contains(API_KEY_VALUE));
        assertThat(show.getText()).isEqualTo("Show");

        slowNetwork(true);
        try {
            show.click();
            assertThat(show.getAttribute("aria-busy")).as("busy while the request runs").isEqualTo("true");
            assertThat(show.getText()).isEqualTo("Loading…");
            waitFor().until(d -> rowOf(API_KEY).getText().contains(API_KEY_VALUE));
        } finally {
            slowNetwork(false);
        }
        assertThat(show.getAttribute("aria-busy")).isNull();
        assertThat(calls("/api/parameter")).as("each Show asks again").isEqualTo(2);
    }

    @Test
    void aShownValueHidesItselfWhenThePagesDelayIsOver() {
        signInAsOps();
        // The page's delay is 60 s; this test shortens it through the page's own setting.
        script("document.getElementById('view').dataset.hideValuesAfterSeconds = '0.5';");

        button(rowOf(API_KEY), "Show").click();

        waitFor().until(d -> text("status").equals("The value of " + API_KEY + " is hidden again."));
        assertThat(calls("/api/parameter")).isEqualTo(1);
        assertThat(driver().getPageSource()).doesNotContain(API_KEY_VALUE);
        assertThat(button(rowOf(API_KEY), "Show").isDisplayed()).isTrue();
    }

    @Test
    void copyPutsTheValueInTheClipboardWithoutShowingIt() {
        signInAsOps();
        grantClipboard();

        button(rowOf(API_KEY), "Copy").click();

        waitFor().until(d -> text("status").equals("Copied the value of " + API_KEY + "."));
        assertThat(button(rowOf(API_KEY), "Copied").getAttribute("aria-label")).isEqualTo("Copied the value of " + API_KEY);
        assertThat(calls("/api/parameter")).isEqualTo(1);
        assertThat(driver().getPageSource()).doesNotContain(API_KEY_VALUE);
        assertThat(((JavascriptExecutor) driver()).executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('unreadable: ' + e));"))
                .isEqualTo(API_KEY_VALUE);
    }

    @Test
    void historyOpensInADialogWithTheVersionsAndTheDiffAndEscapeReturnsTheFocus(TestInfo test) {
        signInAsOps();
        WebElement history = button(rowOf(DB_URL), "History");
        assertThat(calls("/api/history")).isZero();

        history.sendKeys(Keys.ENTER);

        WebElement dialog = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        waitFor().until(d -> !dialog.findElements(By.cssSelector(".version")).isEmpty());
        assertThat(calls("/api/history")).isEqualTo(1);
        assertThat((Boolean) script("return document.getElementById('history').contains(document.activeElement);"))
                .as("the focus moves into the dialog").isTrue();
        assertThat(dialog.findElement(By.tagName("h2")).getText()).isEqualTo("History of " + DB_URL);
        List<WebElement> versions = dialog.findElements(By.cssSelector(".version"));
        assertThat(versions).hasSize(3);
        assertThat(versions).extracting(v -> v.findElement(By.tagName("h3")).getText())
                .as("newest first, with their labels").containsExactly("Version 3 prod", "Version 2 staging", "Version 1");
        assertThat(versions.get(0).findElement(By.cssSelector(".label")).getText()).isEqualTo("prod");
        assertThat(versions.get(0).getText()).contains("Changed by").contains("postgres://");
        assertThat(versions.get(0).findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
        assertThat(versions.get(0).findElements(By.cssSelector(".diff"))).as("a diff against version 2").hasSize(1);
        assertThat(versions.get(0).findElements(By.cssSelector(".diff del, .diff ins"))).isNotEmpty();
        assertThat(versions.get(2).findElements(By.cssSelector(".diff"))).as("nothing before version 1").isEmpty();
        assertAccessible("the history dialog, open");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "history-open");

        driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);

        waitFor().until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(driver().switchTo().activeElement()).as("the focus returns to History").isEqualTo(history);
    }

    @Test
    void aSecureStringsHistoryCarriesNoValueUntilAVersionIsShown(TestInfo test) {
        signInAsOps();
        button(rowOf(API_KEY), "History").click();
        WebElement dialog = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        waitFor().until(d -> dialog.findElements(By.cssSelector(".version")).size() == 2);
        assertThat(driver().getPageSource()).doesNotContain(API_KEY_VALUE);
        assertThat(calls("/api/parameter")).isZero();

        WebElement oldest = dialog.findElements(By.cssSelector(".version")).get(1);
        button(oldest, "Show").click();

        waitFor().until(d -> !oldest.findElement(By.cssSelector(".secret .value")).getText().contains("••"));
        assertThat(oldest.findElement(By.cssSelector(".secret .value")).getText()).as("version 1's own value")
                .isEqualTo("demo-api-key-0000");
        assertThat(calls("/api/parameter")).as("one reveal of version 1").isEqualTo(1);
        driver().manage().window().setSize(new Dimension(360, 800));
        try {
            assertAccessible("the history dialog at 360 px with a version shown");
            SCREENSHOTS.save(test.getTestClass().orElseThrow(), "history-narrow");
        } finally {
            driver().manage().window().setSize(new Dimension(1280, 900));
        }

        dialog.findElement(By.id("history-close")).click();
        waitFor().until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(dialog.findElements(By.cssSelector(".version"))).as("closing takes the shown value off the page").isEmpty();
    }

    private static List<String> visibleNames() {
        return driver().findElements(By.cssSelector("#paths tbody tr .name")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    static final String API_KEY = "/portal/ops/api-key";
    static final String API_KEY_VALUE = "demo-api-key-1234";
    static final String DB_URL = "/portal/ops/db-url";

    static WebElement button(WebElement within, String text) {
        return within.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " button in " + within.getText()));
    }

    /** Requests the page made to one path of the service, as the browser's resource timing lists them. */
    static long calls(String path) {
        return (Long) script("return performance.getEntriesByType('resource')"
                + ".filter(e => new URL(e.name).pathname === '" + path + "').length;");
    }

    /** Every request of the page takes 400 ms longer (Chromium's network emulation), or no longer. */
    private static void slowNetwork(boolean slow) {
        HasCdp cdp = (HasCdp) driver();
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", false, "latency", slow ? 400 : 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void grantClipboard() {
        ((HasCdp) driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", url(""), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    private static List<String> noMatchSentences() {
        return driver().findElements(By.cssSelector("#paths tr.no-match")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }
}
