package io.parameterportal.moto;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The index page's hosted-UI links, with the portal configured from a seeded moto (aws mode). */
@QuarkusTest
@TestProfile(MotoProfiles.Seeded.class)
class MotoIndexLinksTest {

    private static final Pattern ANCHOR = Pattern.compile("<a\\b([^>]*)>\\s*([^<]*?)\\s*</a>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    @InjectMoto
    MotoFixture moto;

    private String page;

    @BeforeEach
    void loadIndex() {
        page = given().accept("text/html").when().get("/").then().statusCode(200).extract().asString();
    }

    @Test
    void signInLinkSendsTheBrowserToTheHostedUiForAnImplicitGrantBackToSignin() {
        URI signIn = URI.create(link("Sign In"));
        Map<String, String> query = query(signIn);

        assertThat(signIn.getScheme()).isEqualTo("https");
        assertThat(signIn.getHost()).isEqualTo(MotoServer.HOSTED_UI_DOMAIN);
        assertThat(signIn.getPath()).isEqualTo("/oauth2/authorize");
        assertThat(query).containsEntry("response_type", "token")
                .containsEntry("client_id", moto.clientId());
        assertThat(query.get("redirect_uri")).isEqualTo(MotoServer.PUBLIC_URL + "/signin");
        assertThat(List.of(query.getOrDefault("scope", "").split(" "))).contains("openid", "profile");
    }

    @Test
    void signOutLinkSendsTheBrowserToTheHostedUiLogoutBackToSignout() {
        URI signOut = URI.create(link("Sign Out"));
        Map<String, String> query = query(signOut);

        assertThat(signOut.getScheme()).isEqualTo("https");
        assertThat(signOut.getHost()).isEqualTo(MotoServer.HOSTED_UI_DOMAIN);
        assertThat(signOut.getPath()).isEqualTo("/logout");
        assertThat(query).containsEntry("client_id", moto.clientId());
        assertThat(query.get("logout_uri")).isEqualTo(MotoServer.PUBLIC_URL + "/signout");
    }

    @Test
    void linksIgnoreTheHostAndForwardedHeadersAClientSends() {
        page = given().accept("text/html")
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http")
                .header("Forwarded", "host=evil.example;proto=http")
                .when().get("/").then().statusCode(200).extract().asString();

        assertThat(query(URI.create(link("Sign In"))).get("redirect_uri")).isEqualTo(MotoServer.PUBLIC_URL + "/signin");
        assertThat(query(URI.create(link("Sign Out"))).get("logout_uri")).isEqualTo(MotoServer.PUBLIC_URL + "/signout");
        assertThat(page).doesNotContain("evil.example");
    }

    private String link(String text) {
        Matcher anchor = ANCHOR.matcher(page);
        while (anchor.find()) {
            if (anchor.group(2).equals(text)) {
                Matcher href = HREF.matcher(anchor.group(1));
                assertThat(href.find()).as("the %s link has an href", text).isTrue();
                return unescapeHtml(href.group(1));
            }
        }
        throw new AssertionError("no <a>" + text + "</a> on the index page:\n" + page);
    }

    private static String unescapeHtml(String value) {
        return value.replace("&amp;", "&").replace("&#38;", "&").replace("&#x26;", "&")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&lt;", "<").replace("&gt;", ">");
    }

    /** Decoded query parameters (form encoding: {@code +} is a space); a parameter given twice fails. */
    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            assertThat(parameters.put(name, value)).as("query parameter %s given once in %s", name, uri).isNull();
        }
        return parameters;
    }
}
