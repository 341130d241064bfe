package io.parameterportal.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.parameterportal.config.CognitoPool;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The local SSM's authentication of a call signed by the AWS SDK's own SigV4 signer: only credentials
 * the local identity pool issued, with their session token, before they expire, and a signature made
 * with their secret key pass; each other case gets the error type AWS answers.
 */
class SigV4AuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String BODY = "{\"Name\":\"fa-012-authenticated\",\"WithDecryption\":true}";

    private final CredentialStore store = new CredentialStore(CLOCK);
    private final SigV4Authenticator authenticator = new SigV4Authenticator(store, poolIn("us-east-1"), CLOCK);
    private final IssuedCredentials issued = store.issue("us-east-1:identity", "arn:aws:iam::123456789012:role/reader");

    @Test
    void aCallSignedWithIssuedCredentialsIsTheirs() {
        assertThat(authenticator.authenticate(signed(issued, UnaryOperator.identity()))).isSameAs(issued);
    }

    @Test
    void aCallWithoutAuthorizationIsMissingItsToken() {
        assertRefused(new AwsRequest("POST", "/local/", null, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(BODY)),
                "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void credentialsTheIdentityPoolNeverIssuedAreUnrecognized() {
        IssuedCredentials forged = new IssuedCredentials("id", "role", "ASIAFORGEDFORGEDFORG", issued.secretKey(),
                issued.sessionToken(), NOW.plusSeconds(3600));
        assertRefused(signed(forged, UnaryOperator.identity()), "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void anIssuedKeyWithAnotherSessionTokenOrNoneIsUnrecognized() {
        IssuedCredentials other = store.issue("us-east-1:other", "arn:aws:iam::123456789012:role/reader");
        IssuedCredentials mixed = new IssuedCredentials(issued.identityId(), issued.roleArn(), issued.accessKeyId(),
                issued.secretKey(), other.sessionToken(), issued.expiresAt());
        assertRefused(signed(mixed, UnaryOperator.identity()), "UnrecognizedClientException", "The security token included in the request is invalid.");

        AwsRequest withToken = signed(issued, UnaryOperator.identity());
        MultiMap withoutToken = MultiMap.caseInsensitiveMultiMap().addAll(withToken.headers()).remove("X-Amz-Security-Token");
        assertRefused(new AwsRequest(withToken.method(), withToken.path(), withToken.query(), withoutToken, withToken.body()),
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void credentialsAreExpiredFromTheirExpiryOn() {
        IssuedCredentials atExpiry = store.issue("us-east-1:expiring", "role", NOW);
        assertRefused(signed(atExpiry, UnaryOperator.identity()), "ExpiredTokenException",
                "The security token included in the request is expired");

        IssuedCredentials aSecondLeft = store.issue("us-east-1:expiring", "role", NOW.plusSeconds(1));
        assertThat(authenticator.authenticate(signed(aSecondLeft, UnaryOperator.identity()))).isSameAs(aSecondLeft);
    }

    @Test
    void aSignatureMadeWithAnotherSecretOrOverAnotherBodyDoesNotMatch() {
        IssuedCredentials wrongSecret = new IssuedCredentials(issued.identityId(), issued.roleArn(), issued.accessKeyId(),
                "another" + issued.secretKey(), issued.sessionToken(), issued.expiresAt());
        assertRefused(signed(wrongSecret, UnaryOperator.identity()), "InvalidSignatureException",
                SigV4Verifier.signatureMismatch().getMessage());

        AwsRequest good = signed(issued, UnaryOperator.identity());
        assertRefused(new AwsRequest(good.method(), good.path(), good.query(), good.headers(),
                Buffer.buffer(BODY.replace("true", "false"))), "InvalidSignatureException", SigV4Verifier.signatureMismatch().getMessage());
    }

    @Test
    void aCallScopedToAnotherServiceOrRegionIsRefused() {
        AwsRequest otherRegion = signed(issued, builder -> builder.putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1"));
        assertThatThrownBy(() -> authenticator.authenticate(otherRegion))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageContaining("'eu-west-1'");
        AwsRequest otherService = signed(issued, builder -> builder.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts"));
        assertThatThrownBy(() -> authenticator.authenticate(otherService))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageContaining("'ssm'");
    }

    @Test
    void theParsedAuthorizationLeavesTheSignatureOutOfItsText() {
        String header = signed(issued, UnaryOperator.identity()).header("Authorization");
        SigV4Authorization parsed = SigV4Authorization.parse(header);

        assertThat(parsed.toString()).contains(issued.accessKeyId()).contains("us-east-1/ssm/aws4_request")
                .doesNotContain(parsed.signature());
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** A GetParameter call as the AWS SDK signs it for SSM, every header it sends signed. */
    private static AwsRequest signed(IssuedCredentials credentials,
            UnaryOperator<SignRequest.Builder<AwsSessionCredentialsIdentity>> adjust) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("http://127.0.0.1:8080/local/"))
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .build();
        SignRequest.Builder<AwsSessionCredentialsIdentity> sign = SignRequest.builder(
                        AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken()))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK);
        SignedRequest signed = AwsV4HttpSigner.create().sign(adjust.apply(sign).build());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        signed.request().forEachHeader((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (!headers.contains("Host")) {
            headers.add("Host", "127.0.0.1:8080");
        }
        return new AwsRequest("POST", "/local/", null, headers, Buffer.buffer(BODY));
    }

    private void assertRefused(AwsRequest request, String type, String message) {
        assertThatThrownBy(() -> authenticator.authenticate(request))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo(type))
                .hasMessage(message);
    }

    private static CognitoPool poolIn(String region) {
        return new CognitoPool(region, region + "_LocalDemo", "localdemoclient", region + ":pool",
                "https://cognito-idp." + region + ".amazonaws.com/" + region + "_LocalDemo",
                "cognito-idp." + region + ".amazonaws.com/" + region + "_LocalDemo", "/local");
    }
}
