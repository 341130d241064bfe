package io.parameterportal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The portal's settings as beans use them — the one configuration type they inject. Resolved once
 * from {@link PortalConfig}: in {@code aws} mode every coordinate must be present (a missing one stops
 * the start, naming it); in {@code local} mode missing ones take the stand-ins' defaults and every AWS
 * endpoint points at the app's own {@code /local} prefix. Tuning values are read as given, from
 * {@link #config()}.
 *
 * @param parameterPaths the SSM paths listed after sign-in, in the configured order; empty when none are
 * @param configuredEndpoint {@code PORTAL_AWS_ENDPOINT}; read {@link #awsEndpoint()}, which knows local mode's
 * @param hostedUiBase where {@code /login} and {@code /logout} live; relative ({@code /local}) in local mode,
 *        on the app's own origin
 * @param ownPort the port this process listens on, known for sure only once it listens (tests bind a random one)
 * @param sessionSecret the code flow's cookie key: {@code PORTAL_SESSION_SECRET}, or local mode's per-start one;
 *        empty in the implicit flow when none is set
 */
public record PortalSettings(
        PortalConfig config,
        String region,
        String userPoolId,
        String clientId,
        String identityPoolId,
        String parameterName,
        List<String> parameterPaths,
        Optional<URI> configuredEndpoint,
        String hostedUiBase,
        IntSupplier ownPort,
        Optional<SessionSecret> sessionSecret) {

    public static final String LOCAL_PREFIX = "/local";
    static final String LOCAL_REGION = "us-east-1";
    static final String LOCAL_USER_POOL_ID = LOCAL_REGION + "_LocalDemo";
    static final String LOCAL_CLIENT_ID = "localdemoclient";
    static final String LOCAL_IDENTITY_POOL_ID = LOCAL_REGION + ":00000000-0000-4000-8000-000000000000";
    static final String DEFAULT_PARAMETER_NAME = "fa-012-authenticated";
    static final List<String> LOCAL_PARAMETER_PATHS = List.of("/portal/public", "/portal/ops");

    static PortalSettings resolve(PortalConfig config, IntSupplier ownPort) {
        config.publicUrl().ifPresent(PortalSettings::requireOrigin);
        return switch (config.mode()) {
            case AWS -> forAws(config, ownPort);
            case LOCAL -> forLocal(config, ownPort);
        };
    }

    private static PortalSettings forAws(PortalConfig config, IntSupplier ownPort) {
        List<String> missing = new ArrayList<>();
        String region = required(config.region(), "AWS_REGION", missing);
        String userPoolId = required(config.userPoolId(), "PORTAL_USER_POOL_ID", missing);
        String clientId = required(config.clientId(), "PORTAL_CLIENT_ID", missing);
        String identityPoolId = required(config.identityPoolId(), "PORTAL_IDENTITY_POOL_ID", missing);
        String domain = required(config.hostedUiDomain(), "PORTAL_HOSTED_UI_DOMAIN", missing);
        String parameterName = required(config.parameterName(), "PORTAL_PARAMETER_NAME", missing);
        if (config.publicUrl().isEmpty()) {
            // redirect_uri and logout_uri come from this setting only, never from a client's Host or X-Forwarded-*.
            missing.add("PORTAL_PUBLIC_URL");
        }
        Optional<SessionSecret> sessionSecret = config.sessionSecret().filter(secret -> !secret.isBlank()).map(SessionSecret::of);
        if (sessionSecret.isEmpty() && config.oauthFlow() == PortalConfig.OAuthFlow.CODE) {
            // Every task must read the others' session cookies: a secret made per process would sign users out at random.
            missing.add("PORTAL_SESSION_SECRET (PORTAL_OAUTH_FLOW=code keeps sessions in cookies encrypted with it)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("PORTAL_MODE=aws needs these settings, which are missing: "
                    + String.join(", ", missing)
                    + ". Set them, or run with PORTAL_MODE=local to try the service without an AWS account.");
        }
        return new PortalSettings(config, region, userPoolId, clientId, identityPoolId, parameterName,
                paths(config.parameterPaths().orElse(List.of())), config.awsEndpoint(), hostedUiOrigin(domain), ownPort,
                sessionSecret);
    }

    private static PortalSettings forLocal(PortalConfig config, IntSupplier ownPort) {
        return new PortalSettings(config,
                config.region().orElse(LOCAL_REGION),
                config.userPoolId().orElse(LOCAL_USER_POOL_ID),
                config.clientId().orElse(LOCAL_CLIENT_ID),
                config.identityPoolId().orElse(LOCAL_IDENTITY_POOL_ID),
                config.parameterName().orElse(DEFAULT_PARAMETER_NAME),
                paths(config.parameterPaths().orElse(LOCAL_PARAMETER_PATHS)),
                Optional.empty(), LOCAL_PREFIX, ownPort,
                Optional.of(config.sessionSecret().filter(secret -> !secret.isBlank()).map(SessionSecret::of)
                        .orElseGet(SessionSecret::random)));
    }

    public boolean localMode() {
        return config.mode() == PortalConfig.Mode.LOCAL;
    }

    /**
     * Replaces the AWS endpoints of cognito-idp, cognito-identity and ssm; empty means real AWS. In local
     * mode it is this process's own {@code /local} prefix, so read it only once the server listens.
     */
    public Optional<URI> awsEndpoint() {
        if (localMode()) {
            return Optional.of(URI.create("http://localhost:" + ownPort.getAsInt() + LOCAL_PREFIX));
        }
        return configuredEndpoint;
    }

    /** The code flow: the service is the OAuth client and keeps a session. */
    public boolean codeFlow() {
        return config.oauthFlow() == PortalConfig.OAuthFlow.CODE;
    }

    /**
     * An endpoint of the hosted UI as the service itself calls it, e.g. {@code oauth2/token}: {@code <hosted UI>/<path>},
     * in local mode this process's own stand-in (so read it only once the server listens).
     */
    public URI hostedUiEndpoint(String path) {
        String base = localMode() ? awsEndpoint().orElseThrow().toString() : hostedUiBase;
        return URI.create(stripTrailingSlash(base) + "/" + path);
    }

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
        String pool = awsEndpoint().map(endpoint -> stripTrailingSlash(endpoint.toString()) + "/" + userPoolId)
                .orElse(issuer());
        return URI.create(pool + "/.well-known/jwks.json");
    }

    /** SSM paths are hierarchies of names starting with a slash; anything else would only fail at every view. */
    private static List<String> paths(List<String> configured) {
        List<String> paths = configured.stream().map(String::strip).filter(path -> !path.isEmpty()).distinct().toList();
        paths.stream().filter(path -> !path.startsWith("/")).findFirst().ifPresent(path -> {
            throw new IllegalStateException("PORTAL_PARAMETER_PATHS names SSM paths, each starting with '/', but one is \""
                    + path + "\".");
        });
        return paths;
    }

    /** The public URL is an origin: links append their paths to it, so it carries none of its own. */
    private static void requireOrigin(URI url) {
        if (!isOrigin(url)) {
            throw new IllegalStateException("PORTAL_PUBLIC_URL must be the app's public origin, such as "
                    + "https://portal.example.com (scheme, host and optional port only), but it is " + url + ".");
        }
    }

    /**
     * The hosted UI's origin: a bare host (Cognito's prefix or custom domain) is reached over https; a value with an
     * explicit {@code http://} or {@code https://} scheme (an emulator, a test's stand-in) is used as is.
     */
    private static String hostedUiOrigin(String domain) {
        String trimmed = stripTrailingSlash(domain);
        boolean explicitScheme = trimmed.startsWith("https://") || trimmed.startsWith("http://");
        String origin = explicitScheme ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !isOrigin(uri)) {
            throw new IllegalStateException("PORTAL_HOSTED_UI_DOMAIN must be the hosted UI's host, such as "
                    + "fa-012.auth.ap-northeast-1.amazoncognito.com, or an origin with an explicit scheme, such as "
                    + "http://127.0.0.1:9229 for an emulator, but it is " + domain + ".");
        }
        return origin;
    }

    private static boolean isOrigin(URI url) {
        return ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null
                && (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
                && url.getRawQuery() == null && url.getRawFragment() == null && url.getRawUserInfo() == null;
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
