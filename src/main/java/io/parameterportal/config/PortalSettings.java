package io.parameterportal.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Cognito and SSM coordinates the service runs against, resolved once from {@link PortalConfig}:
 * in {@code aws} mode every setting must be present; in {@code local} mode missing ones take the
 * stand-ins' defaults and every AWS endpoint points at the app's own {@code /local} prefix.
 *
 * @param awsEndpoint replaces the AWS endpoints of cognito-idp, cognito-identity and ssm; empty means real AWS
 * @param hostedUiBase where {@code /login} and {@code /logout} live; relative ({@code /local}) in local mode,
 *        so that the browser stays on the app's own origin
 */
public record PortalSettings(
        PortalConfig.Mode mode,
        String region,
        String userPoolId,
        String clientId,
        String identityPoolId,
        String parameterName,
        Optional<URI> awsEndpoint,
        String hostedUiBase) {

    public static final String LOCAL_PREFIX = "/local";
    static final String LOCAL_REGION = "us-east-1";
    static final String LOCAL_USER_POOL_ID = LOCAL_REGION + "_LocalDemo";
    static final String LOCAL_CLIENT_ID = "localdemoclient";
    static final String LOCAL_IDENTITY_POOL_ID = LOCAL_REGION + ":00000000-0000-4000-8000-000000000000";
    static final String DEFAULT_PARAMETER_NAME = "fa-012-authenticated";

    /** The issuer Cognito writes into its tokens, always the real AWS form, also behind an emulator. */
    public String issuer() {
        return "https://" + providerName();
    }

    /** The identity provider name the identity pool expects as key of {@code Logins}. */
    public String providerName() {
        return "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    /** The pool's JWKS: under the issuer on AWS, at {@code <endpoint>/<pool>/.well-known/jwks.json} behind an emulator. */
    public URI jwksUri() {
        String pool = awsEndpoint.map(endpoint -> stripTrailingSlash(endpoint.toString()) + "/" + userPoolId)
                .orElse(issuer());
        return URI.create(pool + "/.well-known/jwks.json");
    }

    static PortalSettings resolve(PortalConfig config, int localPort) {
        return switch (config.mode()) {
            case AWS -> forAws(config);
            case LOCAL -> forLocal(config, localPort);
        };
    }

    private static PortalSettings forAws(PortalConfig config) {
        List<String> missing = new ArrayList<>();
        String region = required(config.region(), "AWS_REGION", missing);
        String userPoolId = required(config.userPoolId(), "PORTAL_USER_POOL_ID", missing);
        String clientId = required(config.clientId(), "PORTAL_CLIENT_ID", missing);
        String identityPoolId = required(config.identityPoolId(), "PORTAL_IDENTITY_POOL_ID", missing);
        String domain = required(config.hostedUiDomain(), "PORTAL_HOSTED_UI_DOMAIN", missing);
        String parameterName = required(config.parameterName(), "PORTAL_PARAMETER_NAME", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("PORTAL_MODE=aws needs these settings, which are missing: "
                    + String.join(", ", missing)
                    + ". Set them, or run with PORTAL_MODE=local to try the service without an AWS account.");
        }
        return new PortalSettings(PortalConfig.Mode.AWS, region, userPoolId, clientId, identityPoolId,
                parameterName, config.awsEndpoint(), "https://" + stripTrailingSlash(domain));
    }

    private static PortalSettings forLocal(PortalConfig config, int localPort) {
        URI endpoint = URI.create("http://localhost:" + localPort + LOCAL_PREFIX);
        return new PortalSettings(PortalConfig.Mode.LOCAL,
                config.region().orElse(LOCAL_REGION),
                config.userPoolId().orElse(LOCAL_USER_POOL_ID),
                config.clientId().orElse(LOCAL_CLIENT_ID),
                config.identityPoolId().orElse(LOCAL_IDENTITY_POOL_ID),
                config.parameterName().orElse(DEFAULT_PARAMETER_NAME),
                Optional.of(endpoint),
                LOCAL_PREFIX);
    }

    private static String required(Optional<String> value, String envName, List<String> missing) {
        if (value.isEmpty() || value.get().isBlank()) {
            missing.add(envName);
            return null;
        }
        return value.get().strip();
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
