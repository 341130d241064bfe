package io.parameterportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The tutorial's flow in a real (headless Chromium) browser, against local mode: the index page's
 * links, the local hosted UI's form, the redirect with tokens in the fragment, and what
 * {@code signin.js} makes of them. {@link BrowserSignInIT} runs the same against the packaged jar.
 */
@QuarkusTest
public class BrowserSignInTest extends BrowserTest {

    @Test
    void demoUserSignsInThroughTheLocalHostedUiAndSeesTheParameter(TestInfo test) {
        assertAccessible("the index page");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "index");
        clickSignIn();
        assertThat(path()).isEqualTo("/local/login");
        assertAccessible("the hosted UI's sign-in form");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "hosted-ui");

        signInAs("demo", "demo");

        waitForSigninPageFilledIn();
        assertThat(text("name")).as(detail()).isEqualTo("Name: Demo User");
        assertThat(text("parameter")).as(detail()).isEqualTo("SSM Parameter Store: Authenticated");
        // signin.js drops the tokens from the address bar (and history).
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin")).doesNotContain("#").doesNotContain("id_token");
        assertAccessible("the demo user's signed-in page");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "signed-in");
    }

    @Test
    void theOpsUserSeesTheOpsTableWithTheSecureStringNotOnThePage(TestInfo test) {
        signInAsOps();

        List<WebElement> tables = driver().findElements(By.cssSelector("#paths table"));
        assertThat(tables.get(0).findElement(By.tagName("caption")).getText()).startsWith("/portal/public");
        WebElement ops = tables.get(1);
        assertThat(ops.findElement(By.tagName("caption")).getText()).startsWith("/portal/ops");
        assertThat(ops.findElements(By.cssSelector("th[scope=col]"))).extracting(WebElement::getText)
                .containsExactly("Name", "Type", "Value", "Version", "Last modified");
        WebElement apiKeyRow = rowOf("/portal/ops/api-key");
        assertThat(apiKeyRow.getText()).contains("SecureString").doesNotContain("demo-api-key-1234");
        assertThat(driver().getPageSource()).doesNotContain("demo-api-key-1234");
        assertThat(driver().findElement(By.tagName("main")).getText()).contains("postgres://db.internal:5432/app");
        // Dates in the reader's locale, the exact instant in the markup.
        assertThat(apiKeyRow.findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank();
        assertAccessible("the ops view, wide");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "ops-view-wide");

        driver().manage().window().setSize(new Dimension(360, 800));
        try {
            Number pageWidth = (Number) ((JavascriptExecutor) driver()).executeScript("return document.documentElement.scrollWidth;");
            assertThat(pageWidth.intValue()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
            assertAccessible("the ops view at 360 px");
            SCREENSHOTS.save(test.getTestClass().orElseThrow(), "ops-view-narrow");
        } finally {
            driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void theSignedInHeaderNamesTheUserAndRoleAndSignsOutThroughTheHostedUi() {
        signInAsOps();

        WebElement header = driver().findElement(By.id("session-bar"));
        assertThat(header.isDisplayed()).isTrue();
        assertThat(text("user-name")).isEqualTo("Ops User");
        assertThat(text("role-line")).isEqualTo("Role: PortalOpsRole");
        WebElement signOut = driver().findElement(By.id("sign-out"));
        assertThat(signOut.getText()).isEqualTo("Sign out");
        assertThat(signOut.getAttribute("href")).startsWith(url("/local/logout?client_id="))
                .endsWith("&logout_uri=" + URLEncoder.encode(url("/signout"), StandardCharsets.UTF_8));

        signOut.click();

        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(path()).isEqualTo("/signout");
        assertThat(script("return Object.keys(sessionStorage).filter(k => k.startsWith('portal.')).length;")).isEqualTo(0L);
        driver().navigate().back();
        waitForSigninPageFilledIn();
        assertThat(text("name")).as("the token went with the page; back shows a guest").isEqualTo("Name: Guest");
    }

    @Test
    void theDemoUserIsToldInASentenceThatTheOpsPathIsDenied() {
        clickSignIn();
        signInAs("demo", "demo");
        waitForSigninPageFilledIn();

        WebElement denied = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#paths .denied")));
        assertThat(denied.getText()).isEqualTo("Your role may not read the parameters under /portal/ops.");
        assertThat(driver().findElement(By.id("role-form")).isDisplayed()).isFalse();
        assertAccessible("the demo user's view with a denied path");
    }

    @Test
    void aUserWithTwoRolesPicksTheOtherAndItsRefusalsAreSentencesInPlace(TestInfo test) {
        clickSignIn();
        signInAs("dual", "dual");
        waitForSigninPageFilledIn();
        WebElement picker = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("role")));
        waitFor().until(d -> d.findElements(By.cssSelector("#paths table")).size() == 2);

        Select roles = new Select(picker);
        assertThat(roles.getOptions()).extracting(WebElement::getText).containsExactly("PortalOpsRole", "PortalAuditorRole");
        assertThat(roles.getFirstSelectedOption().getText()).isEqualTo("PortalOpsRole");
        WebElement opsView = rowOf("/portal/ops/api-key");
        roles.selectByVisibleText("PortalAuditorRole");
        waitFor().until(ExpectedConditions.stalenessOf(opsView));
        waitFor().until(d -> d.findElements(By.cssSelector("#paths table")).size() == 2);
        assertThat(new Select(driver().findElement(By.id("role"))).getFirstSelectedOption().getText()).isEqualTo("PortalAuditorRole");
        assertThat(driver().findElement(By.id("role-line")).isDisplayed()).as("the picker says the role").isFalse();

        // The auditor may list /portal/ops but not decrypt its SecureString: Show asks as the auditor and says so.
        WebElement apiKeyRow = rowOf("/portal/ops/api-key");
        apiKeyRow.findElement(By.xpath(".//button[text()='Show']")).click();
        WebElement refusal = waitFor().until(d -> apiKeyRow.findElements(By.cssSelector(".secret .error")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(refusal.getText()).isEqualTo("Your role may read this parameter but not decrypt it: AWS KMS refused kms:Decrypt on its key.");
        assertThat(driver().getPageSource()).doesNotContain("demo-api-key-1234");
        assertAccessible("a refused reveal");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "reveal-refused");

        // Nor read its history: the dialog says so instead of listing versions.
        apiKeyRow.findElement(By.xpath(".//button[text()='History']")).click();
        WebElement dialog = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        waitFor().until(d -> dialog.findElement(By.id("history-status")).getAttribute("class").contains("error"));
        assertThat(text("history-status")).isNotBlank().doesNotContain("Loading");
        assertThat(dialog.findElements(By.cssSelector(".version"))).isEmpty();
        assertAccessible("a refused history");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "history-refused");
    }

    @Test
    void signinPageWithoutTokenGreetsAGuestAndDeniesTheParameter() {
        open("/signin");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("parameter")).isEqualTo("Deny access to SSM Parameter Store.");
    }

    @Test
    void signinPageWithAGarbageTokenGreetsAGuestAndDeniesTheParameter(TestInfo test) {
        open("/signin#id_token=garbage");

        waitForSigninPageFilledIn();
        assertThat(text("name")).isEqualTo("Name: Guest");
        assertThat(text("parameter")).isEqualTo("Deny access to SSM Parameter Store.");
        assertThat(driver().getCurrentUrl()).isEqualTo(url("/signin")).doesNotContain("garbage");
        assertThat(driver().findElement(By.id("session-bar")).isDisplayed()).as("no header for a guest").isFalse();
        assertAccessible("the guest's error page");
        SCREENSHOTS.save(test.getTestClass().orElseThrow(), "guest-denied");
    }

    @Test
    void wrongPasswordShowsAnErrorOnTheLoginPageWithoutRedirect() {
        clickSignIn();

        signInAs("demo", "not-the-password");

        WebElement error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(path()).isEqualTo("/local/login");
        assertThat(driver().getCurrentUrl()).doesNotContain("#").doesNotContain("id_token");
        // still the form, ready for another try
        assertThat(driver().findElement(By.name("password")).isDisplayed()).isTrue();
        assertAccessible("the hosted UI's form with its error");
    }

    @Test
    void signOutLinkLeadsToTheSignedOutPage() {
        driver().findElement(By.id("sign-out")).click();

        WebElement signedOut = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(signedOut.getText()).isEqualTo("You are signed out.");
        assertThat(path()).isEqualTo("/signout");
        assertAccessible("the signed-out page");
    }

    @Test
    void indexPageShowsTheLocalModeBanner() {
        WebElement banner = driver().findElement(By.id("local-mode-banner"));
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getText()).containsIgnoringCase("local mode");
    }
}
