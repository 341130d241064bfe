package io.parameterportal.local.userpool;

import static io.parameterportal.testing.LocalSignIn.app;
import static io.parameterportal.testing.SessionRequests.postCode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.testing.CodeFlowProfile;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.Pkce;
import io.parameterportal.testing.TestClock;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * The authorization code flow with PKCE against local mode, over HTTP as the browser and the page's script
 * drive it: the index link, the local hosted UI issuing a code, {@code /api/session} redeeming it at the local
 * token endpoint — and every way a code must fail to buy a session.
 */
@QuarkusTest
@TestProfile(CodeFlowProfile.class)
class CodeFlowTest {

    @Inject
    LocalAuthorizationCodes codes;

    @AfterEach
    void realTime() {
        TestClock.get().reset();
    }

    @Test
    void indexLinkAsksForACodeAndItsScriptAddsTheS256Challenge() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();

        assertThat(html).contains("/local/oauth2/authorize?response_type=code&amp;client_id=localdemoclient")
                .contains("redirect_uri=" + app().replace(":", "%3A").replace("/", "%2F") + "%2Fsignin")
                .doesNotContain("code_challenge");
        given().when().get("/js/index.js").then().statusCode(200)
                .body(containsString("crypto.subtle.digest('SHA-256'"))
                .body(containsString("'code_challenge_method', 'S256'"))
                .body(containsString("sessionStorage.setItem('portal.verifier'"));
    }

    @Test
    void codeFlowEndToEndShowsTheNameAndTheParameter() {
        Pkce pkce = Pkce.fresh();
        given().redirects().follow(false).queryParams(LocalSignIn.codeFlowParameters(pkce, Map.of("state", "s-1")))
                .when().get("/local/oauth2/authorize")
                .then().statusCode(302);
        given().queryParams(LocalSignIn.codeFlowParameters(pkce, Map.of("state", "s-1")))
                .when().get("/local/login")
                .then().statusCode(200)
                .body(containsString("name=\"code_challenge\" value=\"" + pkce.challenge() + "\""))
                .body(containsString("name=\"code_challenge_method\" value=\"S256\""));

        Map<String, String> redirect = LocalSignIn.signInForCode(pkce, Map.of("state", "s-1", "nonce", "n-1"));

        assertThat(redirect).containsEntry("state", "s-1").containsKey("code").doesNotContainKeys("id_token", "access_token");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", redirect.get("code"), "codeVerifier", pkce.verifier(), "nonce", "n-1"))
                .when().post("/api/session")
                .then().statusCode(200)
                .body("name", equalTo("Demo User"))
                .body("parameter.value", equalTo("Authenticated"))
                .body(not(containsString("eyJ")));
    }

    @Test
    void tokenEndpointAnswersLikeCognitoAndACodeServesOnce() throws Exception {
        Pkce pkce = Pkce.fresh();
        String code = LocalSignIn.signInForCode(pkce, Map.of("nonce", "n-2")).get("code");

        Response answer = redeemDirectly(code, pkce.verifier(), app() + "/signin");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.jsonPath().getInt("expires_in")).isEqualTo(3600);
        assertThat(answer.jsonPath().getString("token_type")).isEqualTo("Bearer");
        assertThat(answer.jsonPath().getString("access_token")).isNotBlank();
        JwtClaims id = new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification().build()
                .processToClaims(answer.jsonPath().getString("id_token"));
        assertThat(id.getClaimValue("nonce")).isEqualTo("n-2");
        assertThat(id.getAudience()).containsExactly(LocalSignIn.CLIENT_ID);

        Response again = redeemDirectly(code, pkce.verifier(), app() + "/signin");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.jsonPath().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void tokenEndpointRefusesMalformedRequestsWithCognitosErrors() {
        assertThat(tokenError(Map.of("grant_type", "refresh_token", "client_id", LocalSignIn.CLIENT_ID, "refresh_token", "x")))
                .isEqualTo("unsupported_grant_type");
        assertThat(tokenError(Map.of("grant_type", "authorization_code", "client_id", "someoneelse", "code", "x")))
                .isEqualTo("invalid_client");
        assertThat(tokenError(Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID)))
                .isEqualTo("invalid_request");
        assertThat(tokenError(Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID, "code", "nope",
                "redirect_uri", app() + "/signin", "code_verifier", Pkce.fresh().verifier())))
                .isEqualTo("invalid_grant");
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"authorization_code\"}")
                .when().post("/local/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void replayedCodeIsRefusedWith401() {
        Pkce pkce = Pkce.fresh();
        String code = LocalSignIn.signInForCode(pkce, Map.of()).get("code");
        postCode(code, pkce.verifier()).statusCode(200);

        refused(postCode(code, pkce.verifier()));
    }

    @Test
    void wrongVerifierIsRefusedWith401AndSpendsTheCode() {
        Pkce pkce = Pkce.fresh();
        String code = LocalSignIn.signInForCode(pkce, Map.of()).get("code");

        refused(postCode(code, Pkce.fresh().verifier()));
        refused(postCode(code, pkce.verifier()));
    }

    @Test
    void missingVerifierGets400WithoutRedeemingTheCode() {
        Pkce pkce = Pkce.fresh();
        String code = LocalSignIn.signInForCode(pkce, Map.of()).get("code");

        given().contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("codeVerifier"));
        // The refusal came before any exchange: the code is still good for its rightful post.
        postCode(code, pkce.verifier()).statusCode(200);
    }

    @Test
    void codeIssuedToAnotherClientIsRefusedWith401() {
        Pkce pkce = Pkce.fresh();
        SignInRequest elsewhere = new SignInRequest("code", "someoneelse", app() + "/signin", "openid profile", "", "",
                pkce.challenge(), "S256");
        String code = codes.issue(new LocalUser("demo", "Demo User", "demo@example.com", java.util.List.of(), java.util.List.of(), java.util.Optional.empty()), elsewhere);

        refused(postCode(code, pkce.verifier()));
    }

    @Test
    void codeIssuedForAnotherRedirectUriIsRefusedWith401() {
        // Signed in at 127.0.0.1, so the code is bound to http://127.0.0.1:<port>/signin; a post through localhost
        // makes the service name http://localhost:<port>/signin at the token endpoint.
        Pkce pkce = Pkce.fresh();
        refused(postCode(codeSignedInAt127001(pkce), pkce.verifier()));

        // The same through 127.0.0.1 is the rightful sign-in.
        Pkce again = Pkce.fresh();
        given().baseUri("http://127.0.0.1").contentType(ContentType.JSON)
                .body(Map.of("code", codeSignedInAt127001(again), "codeVerifier", again.verifier()))
                .when().post("/api/session")
                .then().statusCode(200).body("name", equalTo("Demo User"));
    }

    private static String codeSignedInAt127001(Pkce pkce) {
        String origin = "http://127.0.0.1:" + RestAssured.port;
        Response signIn = given().baseUri("http://127.0.0.1").redirects().follow(false)
                .formParams(LocalSignIn.codeFlowParameters(pkce, Map.of("redirect_uri", origin + "/signin")))
                .formParam("username", "demo").formParam("password", "demo")
                .when().post("/local/login");
        assertThat(signIn.statusCode()).as(signIn.asString()).isEqualTo(302);
        return LocalSignIn.queryOf(URI.create(signIn.header("Location"))).get("code");
    }

    @Test
    void codeOlderThanFiveMinutesIsRefusedWith401() {
        Pkce pkce = Pkce.fresh();
        String code = LocalSignIn.signInForCode(pkce, Map.of()).get("code");

        TestClock.get().advance(Duration.ofMinutes(5));

        refused(postCode(code, pkce.verifier()));
    }

    @Test
    void idTokenOfTheCodeMustCarryThePostedNonce() {
        Pkce pkce = Pkce.fresh();
        String code = LocalSignIn.signInForCode(pkce, Map.of("nonce", "n-3")).get("code");

        given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "codeVerifier", pkce.verifier(), "nonce", "another-sign-in"))
                .when().post("/api/session")
                .then().statusCode(401).body("reason", equalTo("NONCE_MISMATCH"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "plain", "s256", "S512" })
    void challengeMethodOtherThanS256IsSentBackAsInvalidRequest(String method) {
        assertRefusedToTheApp(LocalSignIn.codeFlowParameters(Pkce.fresh(), Map.of("code_challenge_method", method, "state", "s-4")));
    }

    @Test
    void challengeWithoutMethodOrMethodWithoutChallengeIsSentBackAsInvalidRequest() {
        Map<String, String> withoutMethod = LocalSignIn.codeFlowParameters(Pkce.fresh(), Map.of("state", "s-4"));
        withoutMethod.remove("code_challenge_method");
        assertRefusedToTheApp(withoutMethod);

        Map<String, String> withoutChallenge = LocalSignIn.codeFlowParameters(Pkce.fresh(), Map.of("state", "s-4"));
        withoutChallenge.remove("code_challenge");
        assertRefusedToTheApp(withoutChallenge);
    }

    @Test
    void codeGrantWithoutPkceOrWithAMalformedChallengeIsSentBackAsInvalidRequest() {
        Map<String, String> noPkce = LocalSignIn.codeFlowParameters(Pkce.fresh(), Map.of("state", "s-4"));
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        assertRefusedToTheApp(noPkce);

        assertRefusedToTheApp(LocalSignIn.codeFlowParameters(Pkce.fresh(), Map.of("code_challenge", "too-short", "state", "s-4")));
    }

    @Test
    void theImplicitGrantStillWorksBesideTheCodeGrant() {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of("state", "s-5"));

        assertThat(fragment).containsKey("id_token").containsEntry("state", "s-5");
    }

    /** The sign-in page (where /oauth2/authorize leads) and the form's post both send the browser back with the error. */
    private static void assertRefusedToTheApp(Map<String, String> parameters) {
        Response page = given().redirects().follow(false).queryParams(parameters).when().get("/local/login");
        Response post = given().redirects().follow(false).formParams(parameters)
                .formParam("username", "demo").formParam("password", "demo")
                .when().post("/local/login");
        for (Response response : new Response[] { page, post }) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
            URI uri = URI.create(response.header("Location"));
            assertThat(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()).isEqualTo(app() + "/signin");
            assertThat(LocalSignIn.queryOf(uri)).containsEntry("error", "invalid_request").containsEntry("state", "s-4")
                    .containsKey("error_description").doesNotContainKey("code");
        }
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("reason", equalTo("CODE_REJECTED"))
                .body("detail", containsString("Sign in again"));
    }

    private static Response redeemDirectly(String code, String verifier, String redirectUri) {
        return given().formParams(Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID, "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier))
                .when().post("/local/oauth2/token");
    }

    private static String tokenError(Map<String, String> form) {
        Response response = given().formParams(form).when().post("/local/oauth2/token");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        return response.jsonPath().getString("error");
    }
}
