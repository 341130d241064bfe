package io.parameterportal.local.aws;

import static io.parameterportal.testing.AppProfiles.LogHygiene.SECRET_PARAMETER;
import static io.parameterportal.testing.AppProfiles.LogHygiene.SECRET_VALUE;
import static io.parameterportal.testing.LocalAwsClients.IDENTITY_POOL;
import static io.parameterportal.testing.LocalAwsClients.PROVIDER;
import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.local.userpool.LocalUser;
import io.parameterportal.local.userpool.LocalUserPool;
import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.LocalAwsClients;
import io.parameterportal.testing.LocalSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.parameterportal.testing.AppProfiles;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Local mode, every category at TRACE ({@link AppProfiles.LogHygiene}): the hosted UI, the local
 * identity pool and the local SSM say no in every way they can — a wrong password, a foreign client or
 * address (the error page), a bad, foreign, expired or revoked login token, a bad signature, unknown,
 * mismatched or expired credentials, a denied parameter — and the portal runs its whole path through
 * them; no log record holds a token or a part of one, an issued secret key or session token (obtained
 * here through the AWS SDK, as a user would), or the parameter's value.
 */
@QuarkusTest
@TestProfile(AppProfiles.LogHygiene.class)
class LocalLogHygieneTest {

    private static final String POOL = "us-east-1_LocalDemo";
    /** A SigV4 header or canonical-request line with its value: how any session token would show. */
    private static final Pattern SECURITY_TOKEN_WITH_VALUE = Pattern.compile("(?i)x-amz-security-token\\s*[:=]\\s*\\S{8}");

    @Inject
    CredentialStore store;

    @Inject
    LocalUserPool userPool;

    private CapturedLogs logs;
    private CognitoIdentityClient identityPool;
    private final List<String> tokens = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>(List.of(SECRET_VALUE));

    @BeforeEach
    void capture() {
        logs = CapturedLogs.start();
        identityPool = LocalAwsClients.identityPool();
    }

    @AfterEach
    void release() {
        logs.close();
        identityPool.close();
    }

    @Test
    void theHostedUiSaysNoWithoutLoggingWhatItWasSent() {
        Map<String, String> signedIn = LocalSignIn.signIn(Map.of("state", "state-1", "nonce", "nonce-1"));
        String idToken = token(signedIn.get("id_token"));
        token(signedIn.get("access_token"));

        // A wrong password: the form again, with an error; the token rides along in the form's state.
        LocalSignIn.postForm("demo", "not-the-password", Map.of("state", idToken)).then().statusCode(200)
                .body(containsString("Incorrect username or password."));
        // The error page: an unknown client, an address not registered, an unsupported flow, a bad scope,
        // a parameter twice; posted with the right password, a token in each field a caller controls.
        for (Map<String, String> wrong : List.of(
                Map.of("client_id", "evilclient", "state", idToken),
                Map.of("redirect_uri", "https://evil.example/signin?stolen=" + idToken),
                Map.of("response_type", "id_token", "nonce", idToken),
                Map.of("scope", "openid " + idToken))) {
            LocalSignIn.postForm("demo", "demo", wrong).then().statusCode(400).body(containsString("Sign-in error"));
        }
        // The same refusals of the sign-in page and the sign-out, asked with GET. No token here: Vert.x's
        // router (TRACE) and Quarkus' forwarded-header parser (DEBUG) log each request's URL, query
        // included, as web frameworks do. No flow of the portal puts a token in a URL (the implicit grant
        // returns them in the fragment, which browsers never send; the page posts the token in a body).
        for (Map<String, String> wrong : List.of(Map.of("client_id", "evilclient"), Map.of("redirect_uri", "https://evil.example/signin"),
                Map.of("response_type", "id_token"), Map.of("scope", "openid admin"))) {
            given().redirects().follow(false).queryParams(LocalSignIn.oauthParameters(wrong))
                    .get("/local/login").then().statusCode(400).body(containsString("Sign-in error"));
        }
        given().redirects().follow(false).queryParams(LocalSignIn.oauthParameters(Map.of()))
                .queryParam("state", "once").queryParam("state", "again")
                .get("/local/login").then().statusCode(400);
        given().redirects().follow(false).queryParam("client_id", LocalSignIn.CLIENT_ID)
                .queryParam("logout_uri", "https://evil.example/signout")
                .get("/local/logout").then().statusCode(400).body(containsString("Sign-in error"));
        given().redirects().follow(false).queryParam("client_id", "evilclient").queryParam("logout_uri", LocalSignIn.app() + "/signout")
                .get("/local/logout").then().statusCode(400);

        assertClean();
    }

    @Test
    void theIdentityPoolRefusesBadForeignExpiredAndRevokedLoginTokens() {
        LocalUser demo = new LocalUser("demo", "Demo User", "demo@example.com", java.util.List.of(), java.util.List.of(), java.util.Optional.empty());
        String good = token(LocalSignIn.demoIdToken());
        String[] parts = good.split("\\.");
        String foreign = token(userPool.idToken(demo, "anotherclient", null, Instant.now()));
        String expired = token(userPool.idToken(demo, LocalSignIn.CLIENT_ID, null, Instant.now().minus(Duration.ofHours(2))));
        String tampered = token(parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2]);
        String unsigned = token(parts[0] + "." + parts[1] + ".");
        for (String login : List.of(foreign, expired, tampered, unsigned, token("not-a-jwt-" + parts[2]))) {
            refusedByTheIdentityPool(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, login)), "NotAuthorizedException");
        }
        refusedByTheIdentityPool(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of("accounts.google.com", good)),
                "NotAuthorizedException");
        refusedByTheIdentityPool(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, good, "graph.facebook.com", good)),
                "NotAuthorizedException");
        refusedByTheIdentityPool(r -> r.identityPoolId("us-east-1:11111111-1111-4111-8111-111111111111")
                .logins(Map.of(PROVIDER, good)), "ResourceNotFoundException");
        logs.asTestClient(() -> assertThatThrownBy(() -> identityPool.getCredentialsForIdentity(r -> r
                .identityId("us-east-1:22222222-2222-4222-8222-222222222222").logins(Map.of(PROVIDER, good))))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotAuthorizedException")));

        // The same refusals reach the portal's own path: 401 before any AWS call for tokens it can judge.
        for (String bad : List.of(foreign, expired, tampered, unsigned)) {
            postSession(bad).statusCode(401);
        }

        // A user signed out globally, then disabled: the identity pool refuses tokens it issued before.
        // (Two sign-ins within one second would give the same token but for the nonce.)
        String carolViewed = token(LocalSignIn.signInAs("carol", "carol", Map.of("nonce", "first")).get("id_token"));
        String carolUnviewed = token(LocalSignIn.signInAs("carol", "carol", Map.of("nonce", "second")).get("id_token"));
        postSession(carolViewed, "first").statusCode(200);
        try (CognitoIdentityProviderClient admin = userPoolAdmin()) {
            logs.asTestClient(() -> admin.adminUserGlobalSignOut(r -> r.userPoolId(POOL).username("carol")));
            refusedByTheIdentityPool(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, carolUnviewed)),
                    "NotAuthorizedException");
            postSession(carolUnviewed, "second").statusCode(403);
            String carolAfter = token(LocalSignIn.signInAs("carol", "carol", Map.of("nonce", "third")).get("id_token"));
            logs.asTestClient(() -> admin.adminDisableUser(r -> r.userPoolId(POOL).username("carol")));
            try {
                refusedByTheIdentityPool(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, carolAfter)),
                        "NotAuthorizedException");
                postSession(carolAfter, "third").statusCode(403);
            } finally {
                logs.asTestClient(() -> admin.adminEnableUser(r -> r.userPoolId(POOL).username("carol")));
            }
        }

        // Raw calls of the JSON protocol that are not what the operation takes, a token in the body.
        for (String target : List.of("AWSCognitoIdentityService.GetId", "AWSCognitoIdentityService.DeleteIdentities",
                "AmazonSSM.GetParameter", "AWSCognitoIdentityProviderService.AdminDisableUser")) {
            given().header("X-Amz-Target", target).contentType(AwsJsonEndpoint.CONTENT_TYPE)
                    .body(("{\"Logins\":{\"" + PROVIDER + "\":" + good + "}").getBytes(StandardCharsets.UTF_8))
                    .post("/local/").then().statusCode(400);
        }

        assertClean();
    }

    @Test
    void theLocalSsmRefusesBadSignaturesUnknownOrExpiredCredentialsAndDeniedParameters() {
        AwsSessionCredentials issued = logs.asTestClient(() -> LocalAwsClients.demoCredentials(identityPool));
        secrets(issued);
        IssuedCredentials expired = store.issue("us-east-1:expired", io.parameterportal.local.userpool.LocalAccount.roleArn("PortalAuthenticatedRole"), Instant.now().minusSeconds(1));
        secrets.add(expired.secretKey());
        secrets.add(expired.sessionToken());

        // Allowed: the secret parameter, read with the user's own credentials.
        try (SsmClient ssm = LocalAwsClients.ssm(issued)) {
            assertThat(logs.asTestClient(() -> ssm.getParameter(r -> r.name(SECRET_PARAMETER).withDecryption(true)))
                    .parameter().value()).isEqualTo(SECRET_VALUE);
            refusedBySsm(ssm, r -> r.name("other-secret"), "AccessDeniedException");
            refusedBySsm(ssm, r -> r.name("fa-012-authenticated"), "AccessDeniedException");
            logs.asTestClient(() -> assertThatThrownBy(() -> ssm.getParametersByPath(r -> r.path("/hygiene").withDecryption(true)))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException")));
        }
        for (AwsSessionCredentials wrong : List.of(
                AwsSessionCredentials.create(issued.accessKeyId(), "x" + issued.secretAccessKey(), issued.sessionToken()),
                AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken() + "x"),
                AwsSessionCredentials.create("ASIAAAAAAAAAAAAAAAAA", issued.secretAccessKey(), issued.sessionToken()),
                AwsSessionCredentials.create(expired.accessKeyId(), expired.secretKey(), expired.sessionToken()))) {
            try (SsmClient ssm = LocalAwsClients.ssm(wrong)) {
                refusedBySsm(ssm, r -> r.name(SECRET_PARAMETER), null);
            }
        }
        try (SsmClient ssm = LocalAwsClients.ssm(AnonymousCredentialsProvider.create())) {
            refusedBySsm(ssm, r -> r.name(SECRET_PARAMETER), "MissingAuthenticationTokenException");
        }
        // A signature header in pieces, with the secret key and the session token where a careless
        // parser might echo them.
        given().header("X-Amz-Target", "AmazonSSM.GetParameter").contentType(AwsJsonEndpoint.CONTENT_TYPE)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + issued.secretAccessKey() + ", Signature=" + issued.sessionToken())
                .header("X-Amz-Security-Token", issued.sessionToken())
                .body(("{\"Name\":\"" + SECRET_PARAMETER + "\"}").getBytes(StandardCharsets.UTF_8)).post("/local/").then().statusCode(400);

        // The portal's own path through the local stand-ins: a view holds no SecureString value; the reveal
        // shows it to the user (current and earlier version), never to a log.
        String viewer = token(LocalSignIn.demoIdToken());
        postSession(viewer).statusCode(200).body("parameter.value", nullValue());
        postSession(viewer).statusCode(200);
        String secret = "{\"idToken\":\"" + viewer + "\",\"name\":\"" + SECRET_PARAMETER + "\"";
        postJson("/api/parameter", secret + "}").statusCode(200).body("value", equalTo(SECRET_VALUE));
        postJson("/api/parameter", secret + ",\"version\":1}").statusCode(200).body("value", equalTo(SECRET_VALUE));
        postJson("/api/parameter", secret + ",\"version\":2}").statusCode(404);
        postJson("/api/history", secret + "}").statusCode(403);
        postJson("/api/parameter", "{\"idToken\":\"" + viewer + "x\",\"name\":\"" + SECRET_PARAMETER + "\"}").statusCode(401);
        // /portal/ops's SecureString: its history for ops (undecrypted), a reveal refused by IAM (this profile grants
        // ops GetParameter on the secret above only) and, for the auditor role, by KMS.
        secrets.add("demo-api-key-1234");
        secrets.add("demo-api-key-0000");
        String ops = token(LocalSignIn.idTokenOf("ops", "ops"));
        postSession(ops).statusCode(200);
        postJson("/api/history", "{\"idToken\":\"" + ops + "\",\"name\":\"/portal/ops/api-key\"}").statusCode(200);
        postJson("/api/history", "{\"idToken\":\"" + ops + "\",\"name\":\"/portal/ops/db-url\"}").statusCode(200);
        postJson("/api/parameter", "{\"idToken\":\"" + ops + "\",\"name\":\"/portal/ops/api-key\"}").statusCode(403);
        postJson("/api/parameter", "{\"idToken\":\"" + token(LocalSignIn.idTokenOf("dual", "dual"))
                + "\",\"role\":\"arn:aws:iam::000000000000:role/PortalAuditorRole\",\"name\":\"/portal/ops/api-key\"}")
                .statusCode(403).body("title", equalTo("Decryption denied"));
        given().contentType(ContentType.JSON).body("{\"idToken\":\"" + viewer + "\",\"nonce\":\"another\"}")
                .post("/api/session").then().statusCode(401);

        assertClean();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static io.restassured.response.ValidatableResponse postJson(String endpoint, String body) {
        return given().contentType(ContentType.JSON).body(body).post(endpoint).then();
    }

    private void assertClean() {
        logs.assertNoneHolds(tokens, secrets);
        logs.assertNoneMatches(SECURITY_TOKEN_WITH_VALUE, "a session token header with its value");
    }

    private String token(String token) {
        tokens.add(token);
        return token;
    }

    private void secrets(AwsSessionCredentials credentials) {
        secrets.add(credentials.secretAccessKey());
        secrets.add(credentials.sessionToken());
    }

    private void refusedByTheIdentityPool(Consumer<software.amazon.awssdk.services.cognitoidentity.model.GetIdRequest.Builder> request,
            String errorCode) {
        logs.asTestClient(() -> assertThatThrownBy(() -> identityPool.getId(request))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode)));
    }

    /** @param errorCode the AWS error expected, or {@code null} for any refusal of the signature or credentials */
    private void refusedBySsm(SsmClient ssm, Consumer<software.amazon.awssdk.services.ssm.model.GetParameterRequest.Builder> request,
            String errorCode) {
        logs.asTestClient(() -> assertThatThrownBy(() -> ssm.getParameter(request))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    if (errorCode != null) {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
                    }
                }));
    }

    private static CognitoIdentityProviderClient userPoolAdmin() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(LocalAwsClients.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
