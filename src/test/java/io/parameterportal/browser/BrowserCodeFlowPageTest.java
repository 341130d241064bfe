package io.parameterportal.browser;

import static io.parameterportal.browser.BrowserOpsViewTest.API_KEY;
import static io.parameterportal.browser.BrowserOpsViewTest.API_KEY_VALUE;
import static io.parameterportal.browser.BrowserOpsViewTest.DB_URL;
import static io.parameterportal.browser.BrowserOpsViewTest.button;
import static io.parameterportal.browser.BrowserOpsViewTest.calls;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.parameterportal.testing.AppProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The signed-in page in the code flow: Show and History go out with the session cookie alone, Sign out is the
 * service's {@code /logout}, and a session that ended is said in place of the value.
 */
@QuarkusTest
@TestProfile(AppProfiles.CodeFlow.class)
public class BrowserCodeFlowPageTest extends BrowserTest {

    @Test
    void showAndHistoryReadWithTheSessionCookieAndSignOutIsTheServicesLogout() {
        signInAsOps();
        assertThat(driver().findElement(By.id("sign-out")).getAttribute("href")).isEqualTo(url("/logout"));
        assertThat(text("user-name")).isEqualTo("Ops User");
        assertAccessible("the ops view in the code flow");

        WebElement show = button(rowOf(API_KEY), "Show");
        show.click();
        waitFor().until(d -> rowOf(API_KEY).getText().contains(API_KEY_VALUE));
        assertThat(calls("/api/parameter")).isEqualTo(1);

        button(rowOf(DB_URL), "History").click();
        WebElement dialog = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        waitFor().until(d -> dialog.findElements(By.cssSelector(".version")).size() == 3);
        dialog.findElement(By.id("history-close")).click();
        waitFor().until(ExpectedConditions.invisibilityOf(dialog));
    }

    @Test
    void aRevealAfterTheSessionEndedSaysSoInPlace() {
        signInAsOps();
        for (Cookie cookie : driver().manage().getCookies()) {
            if (cookie.getName().startsWith("q_session")) {
                driver().manage().deleteCookie(cookie);
            }
        }

        button(rowOf(API_KEY), "Show").click();

        WebElement refusal = waitFor().until(d -> rowOf(API_KEY).findElements(By.cssSelector(".secret .error")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(refusal.getText()).isEqualTo("Your session ended — sign in again.");
        assertThat(driver().getPageSource()).doesNotContain(API_KEY_VALUE);
        assertAccessible("a reveal after the session ended");
    }
}
