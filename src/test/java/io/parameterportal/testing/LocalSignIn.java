package io.parameterportal.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Signs in at the local hosted UI over HTTP, as a browser's form post would. */
public final class LocalSignIn {

    public static final String CLIENT_ID = "localdemoclient";

    private LocalSignIn() {
    }

    /** The app under test as the browser sees it: the random port Quarkus bound, which RestAssured follows. */
    public static String app() {
        return "http://localhost:" + RestAssured.port;
    }

    /** The implicit grant's parameters the index page sends, plus {@code extra} (which may replace them). */
    public static Map<String, String> oauthParameters(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(Map.of(
                "response_type", "token",
                "client_id", CLIENT_ID,
                "redirect_uri", app() + "/signin",
                "scope", "openid profile"));
        parameters.putAll(extra);
        return parameters;
    }

    public static Response postForm(String username, String password, Map<String, String> extra) {
        return given().redirects().follow(false)
                .formParams(oauthParameters(extra))
                .formParam("username", username)
                .formParam("password", password)
                .when().post("/local/login");
    }

    /** The fragment of a successful sign-in's redirect, decoded. */
    public static Map<String, String> signIn(Map<String, String> extra) {
        return signInAs("demo", "demo", extra);
    }

    public static Map<String, String> signInAs(String username, String password, Map<String, String> extra) {
        Response response = postForm(username, password, extra);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        return Arrays.stream(location.getRawFragment().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    public static String demoIdToken() {
        return signIn(Map.of()).get("id_token");
    }

    public static String idTokenOf(String username, String password) {
        return signInAs(username, password, Map.of()).get("id_token");
    }

    public static Map<String, String> queryOf(URI location) {
        assertThat(location.getRawFragment()).as("nothing in the fragment of %s", location).isNull();
        return Arrays.stream(location.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
