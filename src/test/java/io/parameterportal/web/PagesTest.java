package io.parameterportal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.LocalSignIn;
import io.quarkus.test.junit.QuarkusTest;

/** The tutorial's three pages, in local mode (the test profile's default). */
@QuarkusTest
class PagesTest {

    @Test
    void indexLinksToTheHostedUiWithImplicitGrant() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();

        URI signIn = URI.create(href(html, "sign-in"));
        Map<String, String> query = query(signIn);
        assertThat(signIn.getPath()).isEqualTo("/local/oauth2/authorize");
        assertThat(query).containsEntry("response_type", "token")
                .containsEntry("client_id", "localdemoclient")
                .containsEntry("redirect_uri", LocalSignIn.app() + "/signin")
                .containsEntry("scope", "openid profile");

        URI signOut = URI.create(href(html, "sign-out"));
        assertThat(signOut.getPath()).isEqualTo("/local/logout");
        assertThat(query(signOut)).containsEntry("client_id", "localdemoclient")
                .containsEntry("logout_uri", LocalSignIn.app() + "/signout");
    }

    @Test
    void everyPageShowsTheLocalModeBanner() {
        for (String page : new String[] { "/", "/signin", "/signout" }) {
            given().when().get(page).then().statusCode(200).body(containsString("local-mode-banner"));
        }
    }

    @Test
    void pagesLoadTheirScriptsAsModulesFromFilesNeverInline() {
        assertThat(scripts(given().when().get("/").then().statusCode(200).extract().asString()))
                .containsExactly("<script type=\"module\" src=\"/js/index.js\"></script>");
        assertThat(scripts(given().when().get("/signin").then().statusCode(200).extract().asString()))
                .containsExactly("<script type=\"module\" src=\"/js/signin.js\"></script>");
        given().when().get("/js/signin.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("history.replaceState"))
                .body(containsString("Deny access to SSM Parameter Store."));
    }

    @Test
    void theSigninPageHasTheHeaderTheSearchBoxAndTheHistoryDialog() {
        String html = given().when().get("/signin").then().statusCode(200).extract().asString();

        URI signOut = URI.create(href(html, "sign-out"));
        assertThat(signOut.getPath()).isEqualTo("/local/logout");
        assertThat(query(signOut)).containsEntry("logout_uri", LocalSignIn.app() + "/signout");
        assertThat(html).contains("<input id=\"filter\" type=\"search\"")
                .contains("<label for=\"filter\">")
                .contains("<p id=\"filter-count\" class=\"detail\" role=\"status\" aria-live=\"polite\">")
                .contains("<dialog id=\"history\"")
                .contains("data-flow=\"implicit\"")
                .contains("data-hide-values-after-seconds=\"60\"");
    }

    @Test
    void pagesAndApiCarryStrictSecurityHeaders() {
        for (String page : new String[] { "/", "/signin", "/signout", "/js/signin.js" }) {
            given().when().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-")))
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().when().post("/api/session").then().statusCode(400)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void tokenCarryingAddressesAndTheIndexAreNeverCached() {
        for (String page : new String[] { "/", "/signin", "/signout" }) {
            given().when().get(page).then().header("Cache-Control", "no-store");
        }
    }

    @Test
    void pagesKeepOtherOriginsOutOfTheirWindowAndAskForNoDevices() {
        for (String page : new String[] { "/", "/signin", "/signout" }) {
            given().when().get(page).then()
                    .header("Cross-Origin-Opener-Policy", "same-origin")
                    .header("Permissions-Policy", containsString("camera=()"))
                    .header("Permissions-Policy", containsString("geolocation=()"));
        }
    }

    @Test
    void signInLinkGetsFreshStateAndNonceFromTheIndexScript() {
        given().when().get("/js/index.js").then().statusCode(200)
                .body(containsString("crypto.getRandomValues"))
                .body(containsString("rememberSignIn(kept)"));
        given().when().get("/js/signin.js").then().statusCode(200)
                .body(containsString("fragment.get('state') !== kept.state"))
                .body(containsString("takeSignIn()"))
                .body(not(containsString("verifier")));
    }

    @Test
    void theSessionStorageKeysAreNamedInOneModuleOnly() {
        String state = given().when().get("/js/state.js").then().statusCode(200).extract().asString();
        assertThat(state).contains("state: 'portal.state'", "nonce: 'portal.nonce'");
        for (String module : new String[] { "index", "signin", "api", "dom", "header", "history", "diff", "paths", "search", "secret" }) {
            assertThat(given().when().get("/js/" + module + ".js").then().statusCode(200).extract().asString())
                    .as(module + ".js").doesNotContain("sessionStorage").doesNotContain("'portal.");
        }
    }

    @Test
    void signoutPageSaysSo() {
        given().when().get("/signout").then().statusCode(200).body(containsString("You are signed out."));
    }

    private static List<String> scripts(String html) {
        return Pattern.compile("<script[^>]*>[^<]*</script>").matcher(html).results().map(m -> m.group()).toList();
    }

    private static String href(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("link %s in %s", id, html).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
