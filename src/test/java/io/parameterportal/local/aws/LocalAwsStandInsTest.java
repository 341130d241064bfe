package io.parameterportal.local.aws;

import static io.parameterportal.testing.LocalAwsClients.IDENTITY_POOL;
import static io.parameterportal.testing.LocalAwsClients.PROVIDER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parameterportal.local.userpool.LocalAccount;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.LocalAwsClients;
import io.parameterportal.local.userpool.LocalUserPool;
import io.parameterportal.local.userpool.LocalUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * The local Cognito Identity and SSM, driven by the AWS SDK as any client would: the allowed path,
 * and each way AWS says no.
 */
@QuarkusTest
class LocalAwsStandInsTest {

    private static final String AUTHENTICATED_ROLE = LocalAccount.roleArn("PortalAuthenticatedRole");

    private static final String PARAMETER = "fa-012-authenticated";
    private static final String PARAMETER_ARN = "arn:aws:ssm:us-east-1:000000000000:parameter/";

    private CognitoIdentityClient identityPool;

    @Inject
    CredentialStore store;

    @Inject
    LocalUserPool userPool;

    @Inject
    SigV4Authenticator authenticator;

    /** Per test: the app's random port is known to RestAssured only once a test runs. */
    @BeforeEach
    void clients() {
        identityPool = LocalAwsClients.identityPool();
    }

    @AfterEach
    void close() {
        identityPool.close();
    }

    @Test
    void theDemoUserReadsTheParameterWithTheirOwnCredentials() {
        Map<String, String> logins = Map.of(PROVIDER, LocalSignIn.demoIdToken());
        String identityId = identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(logins)).identityId();
        assertThat(identityId).matches("us-east-1:[0-9a-f-]{36}");
        assertThat(identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, LocalSignIn.demoIdToken())))
                .identityId()).as("one identity per user").isEqualTo(identityId);

        Credentials issued = identityPool.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)).credentials();
        assertThat(issued.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(issued.expiration()).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));

        try (SsmClient ssm = LocalAwsClients.ssm(AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(),
                issued.sessionToken()))) {
            Parameter parameter = ssm.getParameter(r -> r.name(PARAMETER).withDecryption(true)).parameter();
            assertThat(parameter.name()).isEqualTo(PARAMETER);
            assertThat(parameter.value()).isEqualTo("Authenticated");
            assertThat(parameter.typeAsString()).isEqualTo("String");
            assertThat(parameter.version()).isEqualTo(1L);
            assertThat(parameter.arn()).isEqualTo(PARAMETER_ARN + PARAMETER);
            assertThat(parameter.dataType()).isEqualTo("text");
            assertThat(parameter.lastModifiedDate()).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void anotherParameterIsDeniedAsIamWordsIt() {
        try (SsmClient ssm = LocalAwsClients.ssm(LocalAwsClients.demoCredentials(identityPool))) {
            assertAwsError(() -> ssm.getParameter(r -> r.name("other-secret")), "AccessDeniedException")
                    .hasMessageContaining("User: arn:aws:sts::000000000000:assumed-role/")
                    .hasMessageContaining("is not authorized to perform: ssm:GetParameter on resource: " + PARAMETER_ARN
                            + "other-secret because no identity-based policy allows the ssm:GetParameter action");
        }
    }

    @Test
    void theDefaultRoleMayNotListParameters() {
        try (SsmClient ssm = LocalAwsClients.ssm(LocalAwsClients.demoCredentials(identityPool))) {
            assertAwsError(() -> ssm.getParameters(r -> r.names(PARAMETER)), "AccessDeniedException")
                    .hasMessageContaining("ssm:GetParameters on resource: " + PARAMETER_ARN + PARAMETER);
            assertAwsError(() -> ssm.getParametersByPath(r -> r.path("/")), "AccessDeniedException")
                    .hasMessageContaining("ssm:GetParametersByPath");
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        AwsSessionCredentials good = LocalAwsClients.demoCredentials(identityPool);
        AwsSessionCredentials wrongSecret = AwsSessionCredentials.create(good.accessKeyId(), "x" + good.secretAccessKey(),
                good.sessionToken());
        try (SsmClient ssm = LocalAwsClients.ssm(wrongSecret)) {
            assertAwsError(() -> ssm.getParameter(r -> r.name(PARAMETER)), "InvalidSignatureException")
                    .hasMessageContaining("does not match the signature you provided");
        }
    }

    @Test
    void credentialsTheIdentityPoolNeverIssuedAreUnrecognized() {
        try (SsmClient ssm = LocalAwsClients.ssm(AwsSessionCredentials.create("ASIAAAAAAAAAAAAAAAAA", "secret", "token"))) {
            assertAwsError(() -> ssm.getParameter(r -> r.name(PARAMETER)), "UnrecognizedClientException");
        }
    }

    @Test
    void anotherSessionTokenIsUnrecognized() {
        AwsSessionCredentials good = LocalAwsClients.demoCredentials(identityPool);
        AwsSessionCredentials otherToken = AwsSessionCredentials.create(good.accessKeyId(), good.secretAccessKey(),
                good.sessionToken() + "x");
        try (SsmClient ssm = LocalAwsClients.ssm(otherToken)) {
            assertAwsError(() -> ssm.getParameter(r -> r.name(PARAMETER)), "UnrecognizedClientException");
        }
    }

    @Test
    void anUnsignedCallIsRefused() {
        try (SsmClient ssm = LocalAwsClients.ssm(AnonymousCredentialsProvider.create())) {
            assertAwsError(() -> ssm.getParameter(r -> r.name(PARAMETER)), "MissingAuthenticationTokenException");
        }
    }

    @Test
    void expiredCredentialsAreRefused() {
        IssuedCredentials expired = store.issue("us-east-1:expired", AUTHENTICATED_ROLE, Instant.now().minusSeconds(1));
        try (SsmClient ssm = LocalAwsClients.ssm(AwsSessionCredentials.create(expired.accessKeyId(), expired.secretKey(),
                expired.sessionToken()))) {
            assertAwsError(() -> ssm.getParameter(r -> r.name(PARAMETER)), "ExpiredTokenException");
        }
    }

    @Test
    void aSignatureFromLongAgoIsRefusedEvenWithGoodCredentials() {
        IssuedCredentials issued = store.issue("us-east-1:stale", AUTHENTICATED_ROLE);
        authenticator.authenticate(signedGetParameter(issued, Instant.now()));

        assertThatThrownBy(() -> authenticator.authenticate(signedGetParameter(issued, Instant.now().minus(Duration.ofMinutes(20)))))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("Signature expired");
    }

    @Test
    void aTokenOfAnotherAppClientGetsNoIdentity() {
        LocalUser demo = new LocalUser("demo", "Demo User", "demo@example.com", java.util.List.of(), java.util.List.of(), java.util.Optional.empty());
        String foreign = userPool.idToken(demo, "anotherclient", null, Instant.now());

        assertThatThrownBy(() -> identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, foreign))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Invalid login token. The id token was issued to another app client");
    }

    @Test
    void aLoginThatIsNotATokenOfThePoolGetsNoIdentity() {
        assertThatThrownBy(() -> identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(Map.of(PROVIDER, "not-a-jwt"))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL)
                .logins(Map.of("accounts.google.com", LocalSignIn.demoIdToken()))))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("The only provider of this identity pool is " + PROVIDER);
        assertThatThrownBy(() -> identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unauthenticated access is not supported");
    }

    @Test
    void anotherIdentityPoolIsNotFound() {
        assertThatThrownBy(() -> identityPool.getId(r -> r.identityPoolId("us-east-1:11111111-1111-4111-8111-111111111111")
                .logins(Map.of(PROVIDER, LocalSignIn.demoIdToken()))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void credentialsOnlyForTheTokensOwnIdentity() {
        Map<String, String> logins = Map.of(PROVIDER, LocalSignIn.demoIdToken());
        assertThatThrownBy(() -> identityPool.getCredentialsForIdentity(r -> r
                .identityId("us-east-1:22222222-2222-4222-8222-222222222222").logins(logins)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Logins don't match");
    }

    @Test
    void unknownOperationsAreRefusedAsAwsDoes() {
        for (String target : new String[] { "AWSCognitoIdentityService.DeleteIdentities", "AmazonS3.GetObject", "" }) {
            assertThat(awsCall(target, "{}").statusCode(400).contentType(AwsJsonEndpoint.CONTENT_TYPE)
                    .extract().jsonPath().getString("__type")).isEqualTo("UnknownOperationException");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() {
        assertThat(awsCall("AWSCognitoIdentityService.GetId", "not json").statusCode(400)
                .extract().jsonPath().getString("__type")).isEqualTo("SerializationException");
    }

    /** A raw call to the stand-ins' one address, as the JSON 1.1 protocol makes it. */
    private static ValidatableResponse awsCall(String target, String body) {
        return given().header("X-Amz-Target", target).contentType(AwsJsonEndpoint.CONTENT_TYPE)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/local/")
                .then();
    }

    /** A GetParameter call as the SDK signs it, at the given time. */
    private static AwsRequest signedGetParameter(IssuedCredentials credentials, Instant at) {
        byte[] body = ("{\"Name\":\"" + PARAMETER + "\"}").getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(LocalAwsClients.endpoint().resolve("/local/"))
                .putHeader("Host", "localhost:" + io.restassured.RestAssured.port)
                .putHeader("Content-Type", AwsJsonEndpoint.CONTENT_TYPE)
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretKey(),
                        credentials.sessionToken()))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        signed.forEachHeader(headers::add);
        return new AwsRequest("POST", signed.getUri().getRawPath(), signed.getUri().getRawQuery(), headers, Buffer.buffer(body));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertAwsError(Runnable call,
            String errorCode) {
        return assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }
}
