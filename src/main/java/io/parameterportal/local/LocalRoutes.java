package io.parameterportal.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.CognitoEndpoints;
import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.local.aws.AwsJsonEndpoint;
import io.parameterportal.local.userpool.HostedUi;
import io.parameterportal.local.userpool.LocalTokenEndpoint;
import io.parameterportal.local.userpool.LocalUserPool;
import io.parameterportal.web.FilterRefusal;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Mounts the stand-ins under {@code /local} in local mode, and only then: in aws mode none of these
 * routes exists (and none of their beans, such as the signing key, is made). The router is set up
 * before the server listens, so a non-loopback host stops the start before any socket opens.
 */
class LocalRoutes {

    private static final Logger LOG = Logger.getLogger(LocalRoutes.class);
    private static final String PREFIX = PortalConfig.Local.PREFIX;
    /** Sign-in forms and AWS calls are tiny; this matches quarkus.http.limits.max-body-size. */
    private static final int MAX_BODY_BYTES = 16 * 1024;
    /** After the read timeout, before everything else: a misdirected request gets no further. */
    private static final int HOST_GUARD_PRIORITY = 900;

    void register(@Observes Router router, PortalConfig config, CognitoPool pool, Instance<CognitoEndpoints> endpoints,
            @ConfigProperty(name = "quarkus.http.host") String host, @ConfigProperty(name = "quarkus.http.port") int port,
            Instance<HostedUi> hostedUi, Instance<LocalTokenEndpoint> tokenEndpoint, Instance<LocalUserPool> userPool,
            Instance<AwsJsonEndpoint> aws) {
        if (!config.localMode()) {
            return;
        }
        LoopbackGuard.requireLoopback(host, config.local().allowRemote());

        HostedUi ui = hostedUi.get();
        // Rendering pages and signing tokens is CPU work: kept off the event loop.
        router.get(HostedUi.SIGN_IN_PATH).blockingHandler(ui::showSignIn, false);
        router.get(PREFIX + "/oauth2/authorize").handler(ui::authorize);
        router.post(HostedUi.SIGN_IN_PATH).handler(bodyHandler()).blockingHandler(ui::signIn, false);
        router.get(PREFIX + "/logout").blockingHandler(ui::signOut, false);
        LocalTokenEndpoint tokens = tokenEndpoint.get();
        router.post(PREFIX + "/oauth2/token").handler(bodyHandler()).blockingHandler(tokens::exchange, false);
        router.post(PREFIX + "/oauth2/revoke").handler(bodyHandler()).handler(tokens::revoke);

        // The pool's documents where Cognito serves them, under the pool id (PORTAL_AWS_ENDPOINT's layout).
        String documents = PREFIX + "/" + pool.userPoolId() + "/.well-known/";
        String jwks = userPool.get().jwks();
        router.get(documents + "jwks.json").handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(jwks));
        // Endpoints name this process's port, known for sure only once it listens: read at the first request.
        router.get(documents + "openid-configuration").handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(userPool.get().openIdConfiguration(endpoints.get())));

        AwsJsonEndpoint endpoint = aws.get();
        router.postWithRegex(PREFIX + "/?").handler(bodyHandler()).handler(endpoint::handle);

        LOG.infof("Local mode: open %s and %s. Cognito and SSM are stand-ins served by this app at %s; no AWS account is used.",
                "http://localhost:" + port + "/", signInHint(config.local().users()), PREFIX);
    }

    /**
     * Against DNS rebinding: a page of another site may point its own host name at 127.0.0.1 and drive
     * the demo sign-in and the API from the user's browser. The browser then sends that name as Host, so
     * local mode answers only requests addressed to a loopback name or a name in
     * {@code portal.local.allowed-hosts}, also when remote access is allowed (that only lifts the bind check).
     */
    void guardHosts(@Observes Filters filters, PortalConfig config) {
        if (!config.localMode()) {
            return;
        }
        Set<String> allowedHosts = config.local().allowedHosts().orElse(List.of()).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        FilterRefusal misdirected = FilterRefusal.of(421, "Misdirected request",
                "Local mode answers only requests addressed to localhost, 127.0.0.1, [::1] or a name in "
                        + "PORTAL_LOCAL_ALLOWED_HOSTS: open the portal at one of those, or add this host name to "
                        + "PORTAL_LOCAL_ALLOWED_HOSTS.");
        filters.register(context -> {
            HostAndPort authority = context.request().authority();
            if (authority != null && LoopbackGuard.admits(authority.host(), allowedHosts)) {
                context.next();
                return;
            }
            misdirected.send(context.response());
        }, HOST_GUARD_PRIORITY);
    }

    private static BodyHandler bodyHandler() {
        return BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    }

    /** Names the shipped demo password only while it is unchanged: a password someone chose is never logged. */
    private static String signInHint(Map<String, PortalConfig.Local.User> users) {
        PortalConfig.Local.User demo = users.get("demo");
        if (demo != null && "demo".equals(demo.password())) {
            return "sign in as demo / demo";
        }
        if (users.isEmpty()) {
            return "add a user in portal.local.users to sign in";
        }
        return "sign in as one of " + new TreeSet<>(users.keySet()) + " (passwords in portal.local.users)";
    }
}
