package io.parameterportal.moto;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The seeded moto world the tests talk about: the fa-012 user pool, its app client and user, the
 * identity pool and the parameter, plus a second app client and a second user pool whose (genuine,
 * moto-signed) tokens this portal must refuse. It signs in users through moto's own
 * {@code InitiateAuth}, and can sign crafted claims with moto's private key, read from the installed
 * moto package (never copied into this repository).
 */
public final class MotoFixture implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String PARAMETER = "fa-012-authenticated";
    public static final String PARAMETER_VALUE = "Authenticated";

    /** Meets the user pool's default password policy. */
    private static final String PASSWORD = "Moto-Passw0rd!";
    /** The app's address registered at the app client (moto does not check redirects; the portal derives its own). */
    private static final String APP_URL = "http://localhost:8080";

    /** The seeded user of the tutorial. */
    public static final MotoUser USER = new MotoUser("moto.user@example.com", PASSWORD, "Moto User");
    private static final AtomicInteger USERS = new AtomicInteger();

    private final URI endpoint;
    private final Path motoDir;
    private final CognitoIdentityProviderClient userPools;
    private final CognitoIdentityClient identityPools;
    private final SsmClient ssm;

    private String userPoolId;
    private String clientId;
    private String otherClientId;
    private String identityPoolId;
    private String otherUserPoolId;
    private String otherPoolClientId;
    private RsaJsonWebKey signingKey;

    /** A user pool user: signs in with email and password; {@code name} is the attribute the portal shows. */
    public record MotoUser(String email, String password, String name) {
    }

    /** What moto's {@code InitiateAuth} (USER_PASSWORD_AUTH) hands out. */
    public record Tokens(String idToken, String accessToken, String refreshToken) {
    }

    private MotoFixture(URI endpoint, Path motoDir) {
        this.endpoint = endpoint;
        this.motoDir = motoDir;
        this.userPools = configure(CognitoIdentityProviderClient.builder()).build();
        this.identityPools = configure(CognitoIdentityClient.builder()).build();
        this.ssm = configure(SsmClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(REGION))
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    /** Seeds a fresh moto at {@code endpoint} like the fa-012 tutorial. */
    static MotoFixture seed(URI endpoint, Path motoDir) {
        MotoFixture moto = new MotoFixture(endpoint, motoDir);
        try {
            moto.seedTutorial();
            return moto;
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    private void seedTutorial() {
        userPoolId = createUserPool("fa-012");
        userPools.createUserPoolDomain(r -> r.userPoolId(userPoolId).domain("fa-012"));
        clientId = createClient(userPoolId, "fa-012");
        otherClientId = createClient(userPoolId, "fa-012-other-app");
        createUser(userPoolId, USER);

        identityPoolId = identityPools.createIdentityPool(r -> r
                .identityPoolName("fa-012")
                .allowUnauthenticatedIdentities(false)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder()
                        .providerName("cognito-idp." + REGION + ".amazonaws.com/" + userPoolId)
                        .clientId(clientId)
                        .serverSideTokenCheck(false)
                        .build()))
                .identityPoolId();

        ssm.putParameter(r -> r.name(PARAMETER).value(PARAMETER_VALUE).type(ParameterType.STRING));

        otherUserPoolId = createUserPool("fa-012-elsewhere");
        otherPoolClientId = createClient(otherUserPoolId, "fa-012-elsewhere");
        createUser(otherUserPoolId, USER);
    }

    private String createUserPool(String name) {
        return userPools.createUserPool(r -> r
                .poolName(name)
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .schema(SchemaAttributeType.builder()
                        .name("name")
                        .attributeDataType(AttributeDataType.STRING)
                        .required(true)
                        .mutable(true)
                        .build()))
                .userPool().id();
    }

    private String createClient(String poolId, String name) {
        return userPools.createUserPoolClient(r -> r
                .userPoolId(poolId)
                .clientName(name)
                .generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                // moto copies only readable attributes into the id token
                .readAttributes("email", "name")
                .allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.IMPLICIT)
                .allowedOAuthScopes("openid", "profile")
                .supportedIdentityProviders("COGNITO")
                .callbackURLs(APP_URL + "/signin")
                .logoutURLs(APP_URL + "/signout"))
                .userPoolClient().clientId();
    }

    private void createUser(String poolId, MotoUser user) {
        userPools.adminCreateUser(r -> r
                .userPoolId(poolId)
                .username(user.email())
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(
                        AttributeType.builder().name("email").value(user.email()).build(),
                        AttributeType.builder().name("email_verified").value("true").build(),
                        AttributeType.builder().name("name").value(user.name()).build()));
        userPools.adminSetUserPassword(r -> r.userPoolId(poolId).username(user.email()).password(user.password()).permanent(true));
    }

    /** Writes {@code value} as the next version of {@code name} (the first, if there is none): how a test gives moto a history. */
    public long putVersion(String name, String value, ParameterType type) {
        return ssm.putParameter(r -> r.name(name).value(value).type(type).overwrite(true)).version();
    }

    public void label(String name, long version, String label) {
        ssm.labelParameterVersion(r -> r.name(name).parameterVersion(version).labels(label));
    }

    /** A user that no test has signed in yet (so the portal has no credentials cached for them). */
    public MotoUser newUser(String name) {
        MotoUser user = new MotoUser("user" + USERS.incrementAndGet() + "-" + UUID.randomUUID() + "@example.com", PASSWORD, name);
        createUser(userPoolId, user);
        return user;
    }

    /** Signs {@code user} in at the portal's app client, as the hosted UI would. */
    public Tokens signIn(MotoUser user) {
        return signIn(userPoolId, clientId, user);
    }

    /** Signs the seeded user in at another app client of the same user pool. */
    public Tokens signInAtOtherClient() {
        return signIn(userPoolId, otherClientId, USER);
    }

    /** Signs the seeded user's namesake in at another user pool of the same moto. */
    public Tokens signInAtOtherUserPool() {
        return signIn(otherUserPoolId, otherPoolClientId, USER);
    }

    private Tokens signIn(String poolId, String appClientId, MotoUser user) {
        AuthenticationResultType result = userPools.initiateAuth(r -> r
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .clientId(appClientId)
                .authParameters(Map.of("USERNAME", user.email(), "PASSWORD", user.password())))
                .authenticationResult();
        if (result == null || result.idToken() == null) {
            throw new IllegalStateException("moto's InitiateAuth gave no tokens in pool " + poolId);
        }
        return new Tokens(result.idToken(), result.accessToken(), result.refreshToken());
    }

    /**
     * The private key moto signs every user pool's tokens with ({@code kid} {@code dummy}), read from
     * {@code cognitoidp/resources/jwks-private.json[.gz]} of the installed moto package.
     */
    public synchronized RsaJsonWebKey signingKey() {
        if (signingKey == null) {
            signingKey = loadSigningKey(motoDir);
        }
        return signingKey;
    }

    private static RsaJsonWebKey loadSigningKey(Path motoDir) {
        Path resources = motoDir.resolve("cognitoidp").resolve("resources");
        Path plain = resources.resolve("jwks-private.json");
        Path gzipped = resources.resolve("jwks-private.json.gz");
        String json;
        try {
            if (Files.exists(plain)) {
                json = Files.readString(plain, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto's private signing key is not where moto 5 keeps it (" + plain + "[.gz])", e);
        }
        try {
            JsonWebKey key = json.contains("\"keys\"")
                    ? new JsonWebKeySet(json).getJsonWebKeys().get(0)
                    : JsonWebKey.Factory.newJwk(json);
            if (!(key instanceof RsaJsonWebKey rsa) || rsa.getPrivateKey() == null) {
                throw new IllegalStateException("moto's jwks-private.json holds no RSA private key");
            }
            return rsa;
        } catch (JoseException e) {
            throw new IllegalStateException("moto's jwks-private.json is not a JWK", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    public String identityPoolId() {
        return identityPoolId;
    }

    /** The issuer the portal expects, always AWS's form even behind moto. */
    public String issuer() {
        return "https://cognito-idp." + REGION + ".amazonaws.com/" + userPoolId;
    }

    @Override
    public void close() {
        userPools.close();
        identityPools.close();
        ssm.close();
    }
}
