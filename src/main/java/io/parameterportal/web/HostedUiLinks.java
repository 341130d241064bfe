package io.parameterportal.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalSettings;

/**
 * The hosted UI's sign-in ({@code /oauth2/authorize} with {@code response_type=token} or {@code code}, as
 * {@code portal.oauth-flow} says; the page's script adds state, nonce and the PKCE challenge) and sign-out
 * addresses, sending the browser back to this app's {@code /signin} and {@code /signout}. The
 * app's address is {@code PORTAL_PUBLIC_URL}, never a client's Host or X-Forwarded-* header; only local
 * mode, which answers loopback hosts alone, may fall back to the origin of the request.
 */
@ApplicationScoped
class HostedUiLinks {

    private final PortalSettings settings;

    HostedUiLinks(PortalSettings settings) {
        this.settings = settings;
    }

    /** @param requestBase the base URI of the current request, used in local mode when no public URL is configured */
    URI signIn(URI requestBase) {
        String app = appUrl(requestBase);
        return UriBuilder.fromUri(hostedUi(app)).path("oauth2/authorize")
                .queryParam("response_type", settings.config().oauthFlow() == PortalConfig.OAuthFlow.CODE ? "code" : "token")
                .queryParam("client_id", settings.clientId())
                .queryParam("redirect_uri", signInRedirectOf(app))
                .queryParam("scope", "openid profile")
                .build();
    }

    /** The {@code redirect_uri} of a sign-in: the app's {@code /signin}, which a code exchange must name again. */
    URI signInRedirect(URI requestBase) {
        return signInRedirectOf(appUrl(requestBase));
    }

    private static URI signInRedirectOf(String app) {
        return URI.create(app + "/signin");
    }

    URI signOut(URI requestBase) {
        String app = appUrl(requestBase);
        return UriBuilder.fromUri(hostedUi(app)).path("logout")
                .queryParam("client_id", settings.clientId())
                .queryParam("logout_uri", app + "/signout")
                .build();
    }

    private String hostedUi(String app) {
        // Local mode's hosted UI is a path of this app; AWS's is its own https origin.
        return settings.hostedUiBase().startsWith("/") ? app + settings.hostedUiBase() : settings.hostedUiBase();
    }

    private String appUrl(URI requestBase) {
        String url = settings.config().publicUrl().orElse(requestBase).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
