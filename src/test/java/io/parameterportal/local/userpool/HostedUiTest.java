package io.parameterportal.local.userpool;

import static io.parameterportal.testing.LocalSignIn.app;
import static io.parameterportal.testing.LocalSignIn.CLIENT_ID;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.parameterportal.testing.LocalSignIn;
import java.net.URI;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The local hosted UI and user pool, driven over HTTP as a browser would, without a browser. */
@QuarkusTest
class HostedUiTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo";

    @Test
    void signInPageHasTheFormWithTheOAuthParametersAndTheBanner() {
        given().queryParams(LocalSignIn.oauthParameters(Map.of("state", "s-1", "nonce", "n-1")))
                .when().get("/local/login")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("local-mode-banner"))
                .body(containsString("<form id=\"sign-in-form\" class=\"sign-in\" method=\"post\" action=\"/local/login\">"))
                .body(containsString("name=\"username\""))
                .body(containsString("name=\"password\" type=\"password\""))
                .body(containsString("name=\"redirect_uri\" value=\"" + app() + "/signin\""))
                .body(containsString("name=\"state\" value=\"s-1\""))
                .body(containsString("name=\"nonce\" value=\"n-1\""))
                .header("Cache-Control", "no-store");
    }

    @Test
    void authorizeLeadsOnToTheSignInPageWithTheSameParametersAsCognitoDoes() {
        String location = given().redirects().follow(false).queryParams(LocalSignIn.oauthParameters(Map.of("state", "s-2")))
                .when().get("/local/oauth2/authorize")
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith("/local/login?").contains("state=s-2").contains("client_id=" + CLIENT_ID);

        given().queryParams(LocalSignIn.oauthParameters(Map.of()))
                .when().get("/local/oauth2/authorize")
                .then().statusCode(200).body(containsString("sign-in-form"));
    }

    @Test
    void aScopeOrParameterGivenTwiceGetsTheErrorPageNotAFailure() {
        given().queryParams(LocalSignIn.oauthParameters(Map.of("scope", "openid openid")))
                .when().get("/local/login")
                .then().statusCode(400).body(containsString("named more than once"));
        given().queryParams(LocalSignIn.oauthParameters(Map.of())).queryParam("state", "a").queryParam("state", "b")
                .when().get("/local/login")
                .then().statusCode(400).body(containsString("given more than once"));
    }

    @Test
    void signInEndToEndShowsTheNameAndTheParameter() {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of("state", "abc def", "nonce", "n-42"));

        assertThat(fragment).containsEntry("expires_in", "3600").containsEntry("token_type", "Bearer")
                .containsEntry("state", "abc def").containsKeys("id_token", "access_token");
        given().contentType(ContentType.JSON)
                .body(Map.of("idToken", fragment.get("id_token"), "nonce", "n-42"))
                .when().post("/api/session")
                .then().statusCode(200)
                .body("name", equalTo("Demo User"))
                .body("parameter.name", equalTo("fa-012-authenticated"))
                .body("parameter.value", equalTo("Authenticated"));
    }

    @Test
    void tokenWhoseNonceDiffersFromThePostedOneIsRefused() {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of("state", "s-9", "nonce", "n-9"));

        given().contentType(ContentType.JSON)
                .body(Map.of("idToken", fragment.get("id_token"), "nonce", "another-sign-in"))
                .when().post("/api/session")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("nonce does not match"));
    }

    @Test
    void tokenWithoutNonceIsRefusedWhenThePagePostsOne() {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of());

        given().contentType(ContentType.JSON)
                .body(Map.of("idToken", fragment.get("id_token"), "nonce", "n-10"))
                .when().post("/api/session")
                .then().statusCode(401)
                .body("detail", containsString("nonce does not match"));
    }

    @Test
    void redirectGoesToTheRedirectUriWithTokensInTheFragmentOnly() {
        Response response = LocalSignIn.postForm("demo", "demo", Map.of());

        URI location = URI.create(response.header("Location"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath()).isEqualTo(app() + "/signin");
        assertThat(location.getRawQuery()).isNull();
        assertThat(location.getRawFragment()).doesNotContain("state=");
    }

    @Test
    void idTokenCarriesCognitosClaims() throws Exception {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of("nonce", "n-7"));
        JwtClaims id = claims(fragment.get("id_token"));

        assertThat(id.getIssuer()).isEqualTo(ISSUER);
        assertThat(id.getAudience()).containsExactly(CLIENT_ID);
        assertThat(id.getClaimValue("token_use")).isEqualTo("id");
        assertThat(id.getClaimValue("cognito:username")).isEqualTo("demo");
        assertThat(id.getClaimValue("name")).isEqualTo("Demo User");
        assertThat(id.getClaimValue("email")).isEqualTo("demo@example.com");
        assertThat(id.getClaimValue("email_verified")).isEqualTo(true);
        assertThat(id.getClaimValue("nonce")).isEqualTo("n-7");
        assertThat(id.getExpirationTime().getValue() - id.getIssuedAt().getValue()).isEqualTo(3600);
        assertThat(id.getClaimValue("auth_time", Long.class)).isEqualTo(id.getIssuedAt().getValue());
        // The same user keeps the same sub across sign-ins.
        assertThat(id.getSubject()).isEqualTo(claims(LocalSignIn.demoIdToken()).getSubject());
    }

    @Test
    void accessTokenCarriesCognitosClaims() throws Exception {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of());
        JwtClaims access = claims(fragment.get("access_token"));

        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo(claims(fragment.get("id_token")).getSubject());
        assertThat(access.getClaimValue("client_id")).isEqualTo(CLIENT_ID);
        assertThat(access.getClaimValue("token_use")).isEqualTo("access");
        assertThat(access.getClaimValue("scope")).isEqualTo("openid profile");
        assertThat(access.getClaimValue("username")).isEqualTo("demo");
        assertThat(access.getJwtId()).isNotBlank();
        assertThat(access.getAudience()).isEmpty();
        assertThat(access.hasClaim("auth_time")).isTrue();
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAnErrorAndIssuesNothing() {
        Response response = LocalSignIn.postForm("demo", "not-the-password", Map.of("state", "keep-me"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Location")).isNull();
        assertThat(response.asString()).contains("Incorrect username or password.")
                .contains("name=\"state\" value=\"keep-me\"")
                .contains("name=\"username\" value=\"demo\"")
                .doesNotContain("id_token");
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        Response response = LocalSignIn.postForm("nobody", "demo", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Location")).isNull();
        assertThat(response.asString()).contains("Incorrect username or password.");
    }

    @Test
    void unknownClientGetsAnErrorPageNotARedirect() {
        refused(Map.of("client_id", "someoneelse"), "Unknown client_id");
    }

    @Test
    void foreignRedirectUriGetsAnErrorPageNotARedirect() {
        refused(Map.of("redirect_uri", "https://evil.example/signin"), "is not registered for this app client");
        refused(Map.of("redirect_uri", app() + "/signin/../elsewhere"), "is not registered for this app client");
    }

    @Test
    void onlyTheImplicitAndTheCodeGrantAreOffered() {
        refused(Map.of("response_type", "id_token"), "Unsupported response_type");
        refused(Map.of("response_type", ""), "Unsupported response_type");
    }

    @Test
    void scopesBeyondTheClientsAreRefused() {
        refused(Map.of("scope", "openid aws.cognito.signin.user.admin"), "Invalid scope");
        refused(Map.of("scope", "profile"), "Invalid scope");
    }

    @Test
    void theFormsPostIsCheckedLikeThePage() {
        Response response = LocalSignIn.postForm("demo", "demo", Map.of("redirect_uri", "https://evil.example/signin"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.header("Location")).isNull();
        assertThat(response.asString()).contains("is not registered for this app client").doesNotContain("id_token");
    }

    @Test
    void logoutRedirectsToTheAppsSignoutPage() {
        given().redirects().follow(false)
                .queryParam("client_id", CLIENT_ID).queryParam("logout_uri", app() + "/signout")
                .when().get("/local/logout")
                .then().statusCode(302).header("Location", app() + "/signout");
    }

    @Test
    void logoutToAForeignAddressOrClientIsRefused() {
        given().redirects().follow(false)
                .queryParam("client_id", CLIENT_ID).queryParam("logout_uri", "https://evil.example/signout")
                .when().get("/local/logout")
                .then().statusCode(400).header("Location", nullValue()).body(containsString("is not registered"));
        given().redirects().follow(false)
                .queryParam("client_id", "someoneelse").queryParam("logout_uri", app() + "/signout")
                .when().get("/local/logout")
                .then().statusCode(400).header("Location", nullValue()).body(containsString("Unknown client_id"));
    }

    @Test
    void jwksPublishesThePublicKeyOnly() {
        given().when().get("/local/us-east-1_LocalDemo/.well-known/jwks.json")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("keys.size()", equalTo(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0]", hasKey("kid"))
                .body("keys[0]", hasKey("n"))
                .body("keys[0]", not(hasKey("d")))
                .body("keys[0]", not(hasKey("p")));
        given().when().get("/local/us-east-1_Other/.well-known/jwks.json").then().statusCode(404);
    }

    private static void refused(Map<String, String> parameters, String reason) {
        given().redirects().follow(false).queryParams(LocalSignIn.oauthParameters(parameters))
                .when().get("/local/login")
                .then().statusCode(400).contentType(ContentType.HTML)
                .header("Location", nullValue())
                .body(containsString(reason))
                .body(not(containsString("sign-in-form")));
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification().build().processToClaims(jwt);
    }
}
