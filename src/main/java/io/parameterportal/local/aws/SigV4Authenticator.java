package io.parameterportal.local.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.CognitoPool;

/**
 * Checks that an SSM call is signed (SigV4) with credentials the local identity pool issued: the
 * access key must be one it issued, with its session token, not yet expired; then
 * {@link SigV4Verifier} checks the date, scope and signature of exactly what the client signed, so
 * that any conforming signer passes (botocore, the AWS SDKs for Java and JavaScript, …).
 */
@ApplicationScoped
class SigV4Authenticator {

    private static final String SERVICE = "ssm";

    private final CredentialStore credentials;
    private final SigV4Verifier verifier;
    private final Clock clock;

    SigV4Authenticator(CredentialStore credentials, CognitoPool pool, Clock clock) {
        this.credentials = credentials;
        this.verifier = new SigV4Verifier(pool.region(), SERVICE, clock);
        this.clock = clock;
    }

    /**
     * @return the credentials the request was signed with, which say the role it acts as
     * @throws AwsError with the type AWS answers for each way a signature can fail
     */
    IssuedCredentials authenticate(AwsRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            throw new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        SigV4Authorization given = SigV4Authorization.parse(header);
        IssuedCredentials issued = credentials.find(given.accessKeyId())
                .filter(found -> sameText(found.sessionToken(), request.header("X-Amz-Security-Token")))
                .orElseThrow(() -> new AwsError("UnrecognizedClientException", "The security token included in the request is invalid."));
        if (!clock.instant().isBefore(issued.expiresAt())) {
            throw new AwsError("ExpiredTokenException", "The security token included in the request is expired");
        }
        verifier.verify(request, given, issued.secretKey());
        return issued;
    }

    private static boolean sameText(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
