package io.parameterportal.local.userpool;

import static io.parameterportal.testing.LocalSignIn.app;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The local user pool as an OAuth client (quarkus-oidc in the code flow) meets it, answering as Cognito does: the
 * code grant with PKCE S256 at the hosted UI, {@code /oauth2/token} with the {@code authorization_code} and
 * {@code refresh_token} grants, {@code /oauth2/revoke}, and the pool's discovery document. Driven here as a bare
 * client would, with its own PKCE pair.
 */
@QuarkusTest
class LocalTokenEndpointTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    LocalAuthorizationCodes codes;

    @Inject
    LocalUsers users;

    /** A PKCE pair (RFC 7636): the verifier the client keeps, its S256 challenge for the hosted UI. */
    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Pkce(verifier, LocalAuthorizationCodes.s256(verifier));
        }
    }

    @AfterEach
    void realTimeAndUsableUsers() {
        TestClock.get().reset();
        users.setEnabled("carol", true);
    }

    @Test
    void aCodeBuysIdAccessAndOpaqueRefreshTokensOnce() throws Exception {
        Pkce pkce = Pkce.fresh();
        String code = signInForCode("demo", pkce, Map.of("nonce", "n-2"));

        Response answer = redeem(code, pkce.verifier(), app() + "/signin");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.jsonPath().getInt("expires_in")).isEqualTo(3600);
        assertThat(answer.jsonPath().getString("token_type")).isEqualTo("Bearer");
        assertThat(answer.jsonPath().getString("access_token")).isNotBlank();
        assertThat(answer.jsonPath().getString("refresh_token")).matches("[A-Za-z0-9_-]{64}");
        JwtClaims id = claimsOf(answer.jsonPath().getString("id_token"));
        assertThat(id.getClaimValue("nonce")).isEqualTo("n-2");
        assertThat(id.getAudience()).containsExactly(LocalSignIn.CLIENT_ID);

        Response again = redeem(code, pkce.verifier(), app() + "/signin");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.jsonPath().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshTokenBuysNewIdAndAccessTokensButNoNewRefreshToken() throws Exception {
        String refreshToken = refreshTokenOf("demo");
        TestClock.get().advance(Duration.ofMinutes(70));

        Response answer = refresh(refreshToken);

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("refresh_token")).isNull();
        JwtClaims id = claimsOf(answer.jsonPath().getString("id_token"));
        assertThat(id.getSubject()).isEqualTo(LocalUser.subOf("demo"));
        assertThat(id.getClaimValue("nonce")).isNull();
        assertThat(id.getExpirationTime().getValue()).isGreaterThan(TestClock.get().instant().getEpochSecond());
        assertThat(refresh(refreshToken).statusCode()).as("a refresh token serves again and again").isEqualTo(200);
    }

    @Test
    void refreshedTokensKeepTheirSignInsAuthTimeAndOriginJti() throws Exception {
        Pkce pkce = Pkce.fresh();
        Response signedIn = redeem(signInForCode("demo", pkce, Map.of()), pkce.verifier(), app() + "/signin");
        JwtClaims first = claimsOf(signedIn.jsonPath().getString("id_token"));
        TestClock.get().advance(Duration.ofMinutes(70));

        Response refreshed = refresh(signedIn.jsonPath().getString("refresh_token"));

        assertThat(first.getStringClaimValue("origin_jti")).isNotBlank()
                .isEqualTo(claimsOf(signedIn.jsonPath().getString("access_token")).getStringClaimValue("origin_jti"));
        for (String token : List.of("id_token", "access_token")) {
            JwtClaims claims = claimsOf(refreshed.jsonPath().getString(token));
            assertThat(claims.getClaimValue("auth_time")).as(token).isEqualTo(first.getClaimValue("auth_time"));
            assertThat(claims.getStringClaimValue("origin_jti")).as(token).isEqualTo(first.getStringClaimValue("origin_jti"));
            assertThat(claims.getIssuedAt().getValue()).as(token).isEqualTo(TestClock.get().instant().getEpochSecond())
                    .isGreaterThan(first.getIssuedAt().getValue());
            assertThat(claims.getJwtId()).as(token).isNotBlank().isNotEqualTo(first.getJwtId());
        }
        Pkce again = Pkce.fresh();
        Response signedInAgain = redeem(signInForCode("demo", again, Map.of()), again.verifier(), app() + "/signin");
        assertThat(claimsOf(signedInAgain.jsonPath().getString("id_token")).getStringClaimValue("origin_jti"))
                .as("another sign-in").isNotEqualTo(first.getStringClaimValue("origin_jti"));
    }

    @Test
    void aRefreshTokenIsRefusedOnceRevokedAndRevocationAnswers200ForAnyToken() {
        String refreshToken = refreshTokenOf("demo");

        revoke(refreshToken, LocalSignIn.CLIENT_ID).then().statusCode(200);

        assertThat(tokenError(refresh(refreshToken))).isEqualTo("invalid_grant");
        revoke(refreshToken, LocalSignIn.CLIENT_ID).then().statusCode(200);
        revoke("never-issued", LocalSignIn.CLIENT_ID).then().statusCode(200);
        revoke(refreshTokenOf("demo"), "someoneelse").then().statusCode(400).body("error", equalTo("invalid_client"));
        given().formParams(Map.of("client_id", LocalSignIn.CLIENT_ID)).when().post("/local/oauth2/revoke")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aRefreshTokenIsRefusedAfterAGlobalSignOutOrWhileItsUserIsDisabled() {
        String signedOut = refreshTokenOf("carol");
        TestClock.get().advance(Duration.ofSeconds(1));
        users.signOutGlobally("carol");
        TestClock.get().advance(Duration.ofSeconds(1));
        String afterSignOut = refreshTokenOf("carol");

        assertThat(tokenError(refresh(signedOut))).isEqualTo("invalid_grant");
        assertThat(refresh(afterSignOut).statusCode()).as("a sign-in after the sign-out").isEqualTo(200);

        users.setEnabled("carol", false);
        assertThat(tokenError(refresh(afterSignOut))).isEqualTo("invalid_grant");
    }

    @Test
    void tokenEndpointRefusesMalformedRequestsWithCognitosErrors() {
        assertThat(tokenError(given().formParams(Map.of("grant_type", "password", "client_id", LocalSignIn.CLIENT_ID))
                .when().post("/local/oauth2/token"))).isEqualTo("unsupported_grant_type");
        assertThat(tokenError(given().formParams(Map.of("grant_type", "authorization_code", "client_id", "someoneelse", "code", "x"))
                .when().post("/local/oauth2/token"))).isEqualTo("invalid_client");
        assertThat(tokenError(given().formParams(Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID))
                .when().post("/local/oauth2/token"))).isEqualTo("invalid_request");
        assertThat(tokenError(redeem("nope", Pkce.fresh().verifier(), app() + "/signin"))).isEqualTo("invalid_grant");
        assertThat(tokenError(refresh("never-issued"))).isEqualTo("invalid_grant");
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"authorization_code\"}")
                .when().post("/local/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aWrongVerifierSpendsTheCode() {
        Pkce pkce = Pkce.fresh();
        String code = signInForCode("demo", pkce, Map.of());

        assertThat(tokenError(redeem(code, Pkce.fresh().verifier(), app() + "/signin"))).isEqualTo("invalid_grant");
        assertThat(tokenError(redeem(code, pkce.verifier(), app() + "/signin"))).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeIssuedToAnotherClientOrForAnotherRedirectUriIsRefused() {
        Pkce pkce = Pkce.fresh();
        SignInRequest elsewhere = new SignInRequest("code", "someoneelse", app() + "/signin", "openid profile", "", "",
                pkce.challenge(), "S256");
        String code = codes.issue(new LocalUser("demo", "Demo User", "demo@example.com", List.of(), List.of(), Optional.empty()),
                new Authentication(TestClock.get().instant(), "origin-elsewhere"), elsewhere);
        assertThat(tokenError(redeem(code, pkce.verifier(), app() + "/signin"))).isEqualTo("invalid_grant");

        Pkce other = Pkce.fresh();
        String forLocalhost = signInForCode("demo", other, Map.of());
        assertThat(tokenError(redeem(forLocalhost, other.verifier(), "http://127.0.0.1:1/signin"))).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeOlderThanFiveMinutesIsRefused() {
        Pkce pkce = Pkce.fresh();
        String code = signInForCode("demo", pkce, Map.of());

        TestClock.get().advance(Duration.ofMinutes(5));

        assertThat(tokenError(redeem(code, pkce.verifier(), app() + "/signin"))).isEqualTo("invalid_grant");
    }

    @ParameterizedTest
    @ValueSource(strings = { "plain", "s256", "S512" })
    void challengeMethodOtherThanS256IsSentBackAsInvalidRequest(String method) {
        assertRefusedToTheApp(codeParameters(Pkce.fresh(), Map.of("code_challenge_method", method, "state", "s-4")));
    }

    @Test
    void codeGrantWithoutPkceOrWithAMalformedChallengeIsSentBackAsInvalidRequest() {
        Map<String, String> withoutMethod = codeParameters(Pkce.fresh(), Map.of("state", "s-4"));
        withoutMethod.remove("code_challenge_method");
        assertRefusedToTheApp(withoutMethod);

        Map<String, String> noPkce = codeParameters(Pkce.fresh(), Map.of("state", "s-4"));
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        assertRefusedToTheApp(noPkce);

        assertRefusedToTheApp(codeParameters(Pkce.fresh(), Map.of("code_challenge", "too-short", "state", "s-4")));
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerInCognitosFormAndTheLocalEndpoints() {
        String local = app() + "/local";
        given().when().get("/local/us-east-1_LocalDemo/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("issuer", equalTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo"))
                .body("authorization_endpoint", equalTo(local + "/oauth2/authorize"))
                .body("token_endpoint", equalTo(local + "/oauth2/token"))
                .body("revocation_endpoint", equalTo(local + "/oauth2/revoke"))
                .body("jwks_uri", equalTo(local + "/us-east-1_LocalDemo/.well-known/jwks.json"))
                .body("id_token_signing_alg_values_supported", equalTo(List.of("RS256")));
        given().when().get("/local/us-east-1_LocalDemo/.well-known/jwks.json")
                .then().statusCode(200).body(containsString("\"kty\":\"RSA\""));
    }

    @Test
    void theImplicitGrantStillWorksBesideTheCodeGrant() {
        Map<String, String> fragment = LocalSignIn.signIn(Map.of("state", "s-5"));

        assertThat(fragment).containsKey("id_token").containsEntry("state", "s-5").doesNotContainKey("refresh_token");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String refreshTokenOf(String username) {
        Pkce pkce = Pkce.fresh();
        Response answer = redeem(signInForCode(username, pkce, Map.of()), pkce.verifier(), app() + "/signin");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer.jsonPath().getString("refresh_token");
    }

    private static Map<String, String> codeParameters(Pkce pkce, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(LocalSignIn.oauthParameters(Map.of(
                "response_type", "code",
                "code_challenge", pkce.challenge(),
                "code_challenge_method", "S256")));
        parameters.putAll(extra);
        return parameters;
    }

    private static String signInForCode(String username, Pkce pkce, Map<String, String> extra) {
        Response response = given().redirects().follow(false)
                .formParams(codeParameters(pkce, extra))
                .formParam("username", username)
                .formParam("password", username)
                .when().post("/local/login");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(302);
        return LocalSignIn.queryOf(URI.create(response.header("Location"))).get("code");
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

    private static Response redeem(String code, String verifier, String redirectUri) {
        return given().formParams(Map.of("grant_type", "authorization_code", "client_id", LocalSignIn.CLIENT_ID, "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier))
                .when().post("/local/oauth2/token");
    }

    private static Response refresh(String refreshToken) {
        return given().formParams(Map.of("grant_type", "refresh_token", "client_id", LocalSignIn.CLIENT_ID,
                "refresh_token", refreshToken)).when().post("/local/oauth2/token");
    }

    private static Response revoke(String token, String clientId) {
        return given().formParams(Map.of("token", token, "client_id", clientId)).when().post("/local/oauth2/revoke");
    }

    private static String tokenError(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        return response.jsonPath().getString("error");
    }

    private static JwtClaims claimsOf(String idToken) throws Exception {
        return new JwtConsumerBuilder().setSkipAllValidators().setSkipSignatureVerification().build().processToClaims(idToken);
    }
}
