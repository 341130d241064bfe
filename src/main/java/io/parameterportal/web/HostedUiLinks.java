package io.parameterportal.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;

import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.Origins;
import io.parameterportal.config.PortalConfig;

/**
 * The Sign In and Sign Out addresses. Implicit flow: the hosted UI's {@code /oauth2/authorize} with
 * {@code response_type=token} (the page's script adds state and nonce) and its {@code /logout}. Code flow: this
 * service's {@code /login} and {@code /logout} (quarkus-oidc makes the authorize request with PKCE, state and nonce;
 * {@code /logout} ends the session, then goes on to the hosted UI's {@code /logout}). Both send the browser back to
 * this app's {@code /signin} and {@code /signout}. The
 * app's address is {@code PORTAL_PUBLIC_URL}, never a client's Host or X-Forwarded-* header; only local
 * mode, which answers loopback hosts alone, may fall back to the origin of the request.
 */
@ApplicationScoped
public class HostedUiLinks {

    private final PortalConfig config;
    private final CognitoPool pool;

    HostedUiLinks(PortalConfig config, CognitoPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** @param requestBase the base URI of the current request, used in local mode when no public URL is configured */
    URI signIn(URI requestBase) {
        String app = appUrl(requestBase);
        if (config.codeFlow()) {
            return URI.create(app + "/login");
        }
        return UriBuilder.fromUri(hostedUi(app)).path("oauth2/authorize")
                .queryParam("response_type", "token")
                .queryParam("client_id", pool.clientId())
                .queryParam("redirect_uri", signInRedirectOf(app))
                .queryParam("scope", "openid profile")
                .build();
    }

    private static URI signInRedirectOf(String app) {
        return URI.create(app + "/signin");
    }

    /** The page's Sign Out link: in the code flow this service's {@code /logout}, which ends the session first. */
    URI signOutLink(URI requestBase) {
        return config.codeFlow() ? URI.create(appUrl(requestBase) + "/logout") : signOut(requestBase);
    }

    /** The hosted UI's {@code /logout}, back to this app's {@code /signout}. */
    public URI signOut(URI requestBase) {
        String app = appUrl(requestBase);
        return UriBuilder.fromUri(hostedUi(app)).path("logout")
                .queryParam("client_id", pool.clientId())
                .queryParam("logout_uri", app + "/signout")
                .build();
    }

    private String hostedUi(String app) {
        // Local mode's hosted UI is a path of this app; AWS's is its own https origin.
        return pool.hostedUi().startsWith("/") ? app + pool.hostedUi() : pool.hostedUi();
    }

    private String appUrl(URI requestBase) {
        return Origins.withoutTrailingSlash(config.publicUrl().orElse(requestBase));
    }
}
