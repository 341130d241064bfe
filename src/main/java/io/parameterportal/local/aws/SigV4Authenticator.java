package io.parameterportal.local.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalSettings;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Checks that an SSM call is signed (SigV4) with credentials the local identity pool issued. The
 * signature is not recomputed by hand: the request is rebuilt from what was received (method, path,
 * query, the headers the caller signed, the body) and signed again by the AWS SDK's own signer at
 * the caller's {@code X-Amz-Date}; the two {@code Authorization} headers must agree.
 */
@ApplicationScoped
class SigV4Authenticator {

    private static final String SERVICE = "ssm";
    /** How far the signing time may be from this service's clock, as on AWS. */
    private static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final CredentialStore credentials;
    private final String region;

    SigV4Authenticator(CredentialStore credentials, PortalSettings settings) {
        this.credentials = credentials;
        this.region = settings.region();
    }

    /** @throws AwsError with the type AWS answers for each way a signature can fail */
    void authenticate(AwsRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            throw new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        SigV4Authorization given = SigV4Authorization.parse(header);
        IssuedCredentials issued = credentials.find(given.accessKeyId())
                .filter(found -> sameText(found.sessionToken(), request.header("X-Amz-Security-Token")))
                .orElseThrow(() -> new AwsError("UnrecognizedClientException", "The security token included in the request is invalid."));
        if (!Instant.now().isBefore(issued.expiresAt())) {
            throw new AwsError("ExpiredTokenException", "The security token included in the request is expired");
        }
        Instant signedAt = signedAt(request);
        SigV4Authorization expected = SigV4Authorization.parse(signAgain(request, given, issued, signedAt));
        if (!expected.matches(given)) {
            throw new AwsError("InvalidSignatureException", "The request signature we calculated does not match the signature "
                    + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    private static Instant signedAt(AwsRequest request) {
        String date = request.header("X-Amz-Date");
        if (date == null) {
            throw new AwsError("IncompleteSignatureException", "Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(date, Instant::from);
        } catch (DateTimeParseException e) {
            throw new AwsError("IncompleteSignatureException", "The X-Amz-Date header is not of the form yyyyMMddTHHmmssZ.");
        }
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(MAX_CLOCK_DIFFERENCE) > 0) {
            throw new AwsError("InvalidSignatureException", "Signature expired: " + date + " is more than "
                    + MAX_CLOCK_DIFFERENCE.toMinutes() + " minutes away from the time of this service.");
        }
        return signedAt;
    }

    /** The Authorization header the SDK writes for the received request, signed with the issued secret. */
    private String signAgain(AwsRequest request, SigV4Authorization given, IssuedCredentials issued, Instant signedAt) {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .uri(request.uri());
        for (String name : given.signedHeaders().split(";")) {
            List<String> values = request.headers().getAll(name);
            if (!values.isEmpty()) {
                unsigned.putHeader(name, values);
            }
        }
        return signer.sign(signing -> signing
                        .identity(AwsSessionCredentialsIdentity.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken()))
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(request.body().getBytes()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElseThrow();
    }

    private static boolean sameText(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
