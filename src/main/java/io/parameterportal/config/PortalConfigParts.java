package io.parameterportal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

/**
 * The beans the portal injects from the one {@link PortalConfig}: its parts as they are, and what is resolved from it
 * once — the Cognito pool and endpoints, the parameters shown and the session secret. In {@code aws} mode every
 * coordinate must be present (a missing one stops the start, naming it); in {@code local} mode missing ones take the
 * stand-ins' defaults and every AWS endpoint is this process's own {@code /local} prefix.
 */
@Singleton
class PortalConfigParts {

    static final String LOCAL_REGION = "us-east-1";
    static final String LOCAL_USER_POOL_ID = LOCAL_REGION + "_LocalDemo";
    static final String LOCAL_CLIENT_ID = "localdemoclient";
    static final String LOCAL_IDENTITY_POOL_ID = LOCAL_REGION + ":00000000-0000-4000-8000-000000000000";
    static final String DEFAULT_PARAMETER_NAME = "fa-012-authenticated";
    static final List<String> LOCAL_PARAMETER_PATHS = List.of("/portal/public", "/portal/ops");

    @Produces
    PortalConfig.Token token(PortalConfig config) {
        return config.token();
    }

    @Produces
    PortalConfig.CredentialCache credentialCache(PortalConfig config) {
        return config.credentialCache();
    }

    @Produces
    PortalConfig.ValueCache valueCache(PortalConfig config) {
        return config.valueCache();
    }

    @Produces
    PortalConfig.Local local(PortalConfig config) {
        return config.local();
    }

    @Produces
    @Singleton
    static CognitoPool pool(PortalConfig config) {
        requireComplete(config);
        if (config.mode() == PortalConfig.Mode.LOCAL) {
            return CognitoPool.of(config.region().orElse(LOCAL_REGION), config.userPoolId().orElse(LOCAL_USER_POOL_ID),
                    config.clientId().orElse(LOCAL_CLIENT_ID), config.identityPoolId().orElse(LOCAL_IDENTITY_POOL_ID),
                    PortalConfig.Local.PREFIX);
        }
        return CognitoPool.of(config.region().orElseThrow().strip(), config.userPoolId().orElseThrow().strip(),
                config.clientId().orElseThrow().strip(), config.identityPoolId().orElseThrow().strip(),
                hostedUiOrigin(config.hostedUiDomain().orElseThrow()));
    }

    @Produces
    @Singleton
    CognitoEndpoints endpoints(PortalConfig config, CognitoPool pool) {
        return endpoints(config, pool, PortalConfigParts::ownPort);
    }

    /** @param ownPort read in local mode only, whose stand-ins this very process serves */
    static CognitoEndpoints endpoints(PortalConfig config, CognitoPool pool, IntSupplier ownPort) {
        if (config.mode() == PortalConfig.Mode.AWS) {
            return CognitoEndpoints.of(pool, config.awsEndpoint(), pool.hostedUi());
        }
        String own = "http://localhost:" + ownPort.getAsInt() + PortalConfig.Local.PREFIX;
        return CognitoEndpoints.of(pool, Optional.of(URI.create(own)), own);
    }

    @Produces
    @Singleton
    static ParameterScope parameters(PortalConfig config) {
        requireComplete(config);
        boolean local = config.mode() == PortalConfig.Mode.LOCAL;
        String seed = local ? config.parameterName().orElse(DEFAULT_PARAMETER_NAME) : config.parameterName().orElseThrow().strip();
        return new ParameterScope(seed, paths(config.parameterPaths().orElse(local ? LOCAL_PARAMETER_PATHS : List.of())));
    }

    /** The code flow's cookie key: {@code PORTAL_SESSION_SECRET}, else one made per start (local mode, or unused). */
    @Produces
    @Singleton
    static SessionSecret sessionSecret(PortalConfig config) {
        requireComplete(config);
        return configuredSecret(config).map(SessionSecret::of).orElseGet(SessionSecret::random);
    }

    /**
     * Stops the start, naming every missing setting at once, when aws mode lacks one; and when the public URL is
     * not an origin.
     */
    static void requireComplete(PortalConfig config) {
        config.publicUrl().ifPresent(PortalConfigParts::requireOrigin);
        if (config.mode() != PortalConfig.Mode.AWS) {
            return;
        }
        List<String> missing = new ArrayList<>();
        required(config.region(), "AWS_REGION", missing);
        required(config.userPoolId(), "PORTAL_USER_POOL_ID", missing);
        required(config.clientId(), "PORTAL_CLIENT_ID", missing);
        required(config.identityPoolId(), "PORTAL_IDENTITY_POOL_ID", missing);
        required(config.hostedUiDomain(), "PORTAL_HOSTED_UI_DOMAIN", missing);
        required(config.parameterName(), "PORTAL_PARAMETER_NAME", missing);
        if (config.publicUrl().isEmpty()) {
            // redirect_uri and logout_uri come from this setting only, never from a client's Host or X-Forwarded-*.
            missing.add("PORTAL_PUBLIC_URL");
        }
        if (configuredSecret(config).isEmpty() && config.oauthFlow() == PortalConfig.OAuthFlow.CODE) {
            // Every task must read the others' session cookies: a secret made per process would sign users out at random.
            missing.add("PORTAL_SESSION_SECRET (PORTAL_OAUTH_FLOW=code keeps sessions in cookies encrypted with it)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("PORTAL_MODE=aws needs these settings, which are missing: "
                    + String.join(", ", missing)
                    + ". Set them, or run with PORTAL_MODE=local to try the service without an AWS account.");
        }
    }

    private static Optional<String> configuredSecret(PortalConfig config) {
        return config.sessionSecret().filter(secret -> !secret.isBlank());
    }

    /** Local mode's stand-ins are served by this very process, so its calls go to its own port, known once it listens. */
    private static int ownPort() {
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getValue(portKey, Integer.class);
        if (port == 0) {
            throw new IllegalStateException("Local mode's endpoints name the port this process listens on, "
                    + "which is not known before the server listens; they were asked for before.");
        }
        return port;
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
        if (!Origins.isOrigin(url)) {
            throw new IllegalStateException("PORTAL_PUBLIC_URL must be the app's public origin, such as "
                    + "https://portal.example.com (scheme, host and optional port only), but it is " + url + ".");
        }
    }

    /**
     * The hosted UI's origin: a bare host (Cognito's prefix or custom domain) is reached over https; a value with an
     * explicit {@code http://} or {@code https://} scheme (an emulator, a test's stand-in) is used as is.
     */
    private static String hostedUiOrigin(String domain) {
        String trimmed = Origins.withoutTrailingSlash(domain.strip());
        boolean explicitScheme = trimmed.startsWith("https://") || trimmed.startsWith("http://");
        String origin = explicitScheme ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !Origins.isOrigin(uri)) {
            throw new IllegalStateException("PORTAL_HOSTED_UI_DOMAIN must be the hosted UI's host, such as "
                    + "fa-012.auth.ap-northeast-1.amazoncognito.com, or an origin with an explicit scheme, such as "
                    + "http://127.0.0.1:9229 for an emulator, but it is " + domain + ".");
        }
        return origin;
    }

    private static void required(Optional<String> value, String envName, List<String> missing) {
        if (value.isEmpty() || value.get().isBlank()) {
            missing.add(envName);
        }
    }
}
