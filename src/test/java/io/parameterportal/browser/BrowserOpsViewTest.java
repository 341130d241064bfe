package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the ops user does on the signed-in page, in Chromium against local mode: search across the paths.
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

    private static List<String> visibleNames() {
        return driver().findElements(By.cssSelector("#paths tbody tr .name")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private static List<String> noMatchSentences() {
        return driver().findElements(By.cssSelector("#paths tr.no-match")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }
}
