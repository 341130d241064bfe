package io.parameterportal.session;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.parameterportal.config.CognitoEndpoints;
import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.SessionSecret;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Authentication.CookieSameSite;
import io.quarkus.oidc.runtime.OidcTenantConfig.TokenStateManager.EncryptionAlgorithm;
import io.quarkus.oidc.runtime.OidcTenantConfig.TokenStateManager.Strategy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The code flow's OAuth client, which is quarkus-oidc's {@code web-app}: this class only tells it where the user pool
 * is and how the session must be kept. Built from the portal's settings at first use rather than from static
 * properties, because local mode's endpoints are this process's own and name its port, known only once it listens
 * (tests bind a random one); so the tenant also starts before its provider answers. In the implicit flow there is no
 * tenant at all (the default one is off in application.properties) and the service's own verifier does everything.
 *
 * <ul>
 * <li>Public client, no secret; PKCE S256, state and nonce required; the callback is {@code <app>/signin} (the app
 * client's registered callback), after which quarkus-oidc redirects to the bare {@code /signin} so the code leaves
 * the address bar.</li>
 * <li>The session is a cookie holding the id and refresh token (no access token: the portal never calls an API with
 * it), encrypted with {@code PORTAL_SESSION_SECRET} like the state cookie, HttpOnly, SameSite=Lax, Secure except in
 * local mode's plain HTTP, split in chunks by quarkus-oidc when Cognito's tokens make it larger than a cookie may be.</li>
 * <li>It lives as long as the id token, renewed with the refresh token {@link #REFRESH_BEFORE_EXPIRY} before the id
 * token expires (and for {@link #SESSION_AGE_EXTENSION} after it); a refresh the user pool refuses ends it.</li>
 * <li>Endpoints are explicit (discovery off): Cognito's hosted UI serves authorize, token and revoke, the pool's
 * issuer URL the JWKS. Every call to them is bounded by {@code portal.upstream-timeout} and a small pool.</li>
 * </ul>
 */
@ApplicationScoped
class CodeFlowTenant implements TenantConfigResolver {

    static final String TENANT_ID = "portal-code-flow";
    /** The app client's registered callback: the page that shows the view. */
    static final String SIGN_IN_CALLBACK = "/signin";
    /** A refresh comes this long before the id token expires, so an active user's session never lapses. */
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(1);
    /** How long after the id token's expiry the cookie is kept, so that an idle user's next request can still refresh. */
    static final Duration SESSION_AGE_EXTENSION = Duration.ofHours(1);
    /** Token-endpoint connections; a flood of sign-ins waits for these rather than opening sockets without limit. */
    static final int TOKEN_ENDPOINT_CONNECTIONS = 20;

    private final PortalConfig config;
    private final CognitoPool pool;
    private final Instance<CognitoEndpoints> endpoints;
    private final SessionSecret secret;
    private final Supplier<Uni<OidcTenantConfig>> tenant;

    /** @param endpoints read when the first sign-in needs them: in local mode they name the port, known once the server listens */
    CodeFlowTenant(PortalConfig config, CognitoPool pool, Instance<CognitoEndpoints> endpoints, SessionSecret secret) {
        this.config = config;
        this.pool = pool;
        this.endpoints = endpoints;
        this.secret = secret;
        Uni<OidcTenantConfig> built = Uni.createFrom().item(this::build).memoize().indefinitely();
        this.tenant = config.codeFlow() ? () -> built : () -> Uni.createFrom().nullItem();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        return tenant.get();
    }

    private OidcTenantConfig build() {
        String secret = this.secret.reveal();
        CognitoEndpoints cognito = endpoints.get();
        return OidcTenantConfig.builder()
                .tenantId(TENANT_ID)
                .applicationType(ApplicationType.WEB_APP)
                .clientId(pool.clientId())
                .authServerUrl(pool.issuer())
                .discoveryEnabled(false)
                .authorizationPath(cognito.authorize().toString())
                .tokenPath(cognito.token().toString())
                .revokePath(cognito.revoke().toString())
                .jwksPath(cognito.jwks().toString())
                .connectionTimeout(config.upstreamTimeout())
                .maxPoolSize(TOKEN_ENDPOINT_CONNECTIONS)
                .token()
                    .issuer(pool.issuer())
                    .audience(pool.clientId())
                    .refreshExpired(true)
                    .refreshTokenTimeSkew(REFRESH_BEFORE_EXPIRY)
                    .end()
                .authentication()
                    .redirectPath(SIGN_IN_CALLBACK)
                    .restorePathAfterRedirect(false)
                    .removeRedirectParameters(true)
                    .scopes("openid", "profile")
                    .addOpenidScope(false)
                    .pkceRequired(true)
                    .nonceRequired(true)
                    .stateSecret(secret)
                    .cookieSameSite(CookieSameSite.LAX)
                    .cookieForceSecure(!config.localMode())
                    .forceRedirectHttpsScheme(!config.localMode())
                    .sessionAgeExtension(SESSION_AGE_EXTENSION)
                    .end()
                .tokenStateManager()
                    .strategy(Strategy.ID_REFRESH_TOKENS)
                    .encryptionSecret(secret)
                    // AES-GCM straight with the secret's key rather than a fresh content key wrapped in it: each
                    // request decrypts the cookie, and this skips the unwrap (and shortens the cookie). Random IVs
                    // keep that safe far beyond the cookies one secret will ever encrypt (NIST SP 800-38D: 2^32).
                    .encryptionAlgorithm(EncryptionAlgorithm.DIR)
                    .end()
                .build();
    }
}
