package io.parameterportal.testing;

import java.net.URI;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.ssm.SsmClient;

/** AWS SDK clients of the test's own, pointed at the local stand-ins as any SDK user would point them. */
public final class LocalAwsClients {

    public static final String IDENTITY_POOL = "us-east-1:00000000-0000-4000-8000-000000000000";
    public static final String PROVIDER = "cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo";

    private LocalAwsClients() {
    }

    /** Where an AWS SDK user points the clients in local mode: the app's own /local prefix. */
    public static URI endpoint() {
        return URI.create(LocalSignIn.app() + "/local");
    }

    /** GetId and GetCredentialsForIdentity are unsigned: the token in Logins is the credential. */
    public static CognitoIdentityClient identityPool() {
        return CognitoIdentityClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static SsmClient ssm(AwsCredentials credentials) {
        return ssm(StaticCredentialsProvider.create(credentials));
    }

    public static SsmClient ssm(AwsCredentialsProvider credentials) {
        return SsmClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The tutorial's browser-side steps: sign in, GetId, GetCredentialsForIdentity. */
    public static AwsSessionCredentials demoCredentials(CognitoIdentityClient identityPool) {
        return credentialsOf(identityPool, LocalSignIn.demoIdToken());
    }

    /** GetId and GetCredentialsForIdentity for this id token: the credentials of its user's role. */
    public static AwsSessionCredentials credentialsOf(CognitoIdentityClient identityPool, String idToken) {
        Map<String, String> logins = Map.of(PROVIDER, idToken);
        String identityId = identityPool.getId(r -> r.identityPoolId(IDENTITY_POOL).logins(logins)).identityId();
        Credentials issued = identityPool.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)).credentials();
        return AwsSessionCredentials.create(issued.accessKeyId(), issued.secretKey(), issued.sessionToken());
    }
}
