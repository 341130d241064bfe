package io.parameterportal.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The code flow over plain HTTP, as a browser drives it: follows nothing by itself, keeps the cookies the app sets
 * (and forgets those it clears), and signs in through {@code /login}, the local hosted UI and the {@code /signin}
 * callback. Not thread-safe: one per simulated browser.
 */
public final class SessionBrowser {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    /** Replaces the jar, e.g. with a copy taken before a sign-out (a replayed cookie). */
    public void useCookies(Map<String, String> jar) {
        cookies.clear();
        cookies.putAll(jar);
    }

    public Response get(String pathOrUrl) {
        return keep(request().when().get(pathOrUrl));
    }

    /** The page's own call: JSON, same origin, with the session cookie. */
    public Response postApi(String path, String json) {
        return keep(request().contentType(ContentType.JSON).header("Origin", LocalSignIn.app())
                .header("Sec-Fetch-Site", "same-origin").body(json).when().post(path));
    }

    public RequestSpecification request() {
        // Addresses come from Location headers, already encoded: sent as they are.
        return given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies);
    }

    /** Signs in as {@code username}; ends on the signed-in page's address ({@code /signin}, no code in it). */
    public Response signIn(String username, String password) {
        Response login = get("/login");
        assertThat(login.statusCode()).as(login.asString()).isEqualTo(302);
        URI authorize = URI.create(login.header("Location"));
        assertThat(authorize.getPath()).isEqualTo("/local/oauth2/authorize");
        Map<String, String> parameters = LocalSignIn.queryOf(authorize);
        Response form = keep(given().redirects().follow(false).formParams(parameters)
                .formParam("username", username).formParam("password", password)
                .when().post("/local/login"));
        assertThat(form.statusCode()).as(form.asString()).isEqualTo(302);
        Response callback = get(form.header("Location"));
        assertThat(callback.statusCode()).as(callback.asString()).isEqualTo(302);
        return callback;
    }

    public Response keep(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            boolean cleared = cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()
                    || (cookie.getExpiryDate() != null && cookie.getExpiryDate().getTime() < System.currentTimeMillis());
            if (cleared) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
