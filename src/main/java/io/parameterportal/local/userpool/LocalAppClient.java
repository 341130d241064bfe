package io.parameterportal.local.userpool;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalSettings;

/**
 * The user pool's one app client, configured as in the tutorial: implicit grant only, scopes
 * openid and profile (and email), callback {@code /signin} and sign-out {@code /signout} of this app.
 * The app's address is the request's own origin, or {@code portal.public-url}: a redirect can only
 * lead back to the app the browser is already talking to.
 */
@ApplicationScoped
class LocalAppClient {

    private static final Set<String> ALLOWED_SCOPES = Set.of("openid", "profile", "email");

    private final String clientId;
    private final PortalSettings settings;

    LocalAppClient(PortalSettings settings) {
        this.clientId = settings.clientId();
        this.settings = settings;
    }

    /** @throws HostedUiException when the sign-in is not one this client may start */
    void checkSignIn(SignInRequest request, URI requestBase) {
        requireClient(request.clientId());
        if (!"token".equals(request.responseType())) {
            throw new HostedUiException("Unsupported response_type \"" + request.responseType()
                    + "\": this local user pool offers only the implicit grant (response_type=token).");
        }
        requireAppUrl(request.redirectUri(), "/signin", "redirect_uri", requestBase);
        List<String> named = List.of(request.scope().trim().split("\\s+"));
        Set<String> scopes = new HashSet<>(named);
        if (scopes.size() != named.size()) {
            throw new HostedUiException("Invalid scope \"" + request.scope() + "\": a scope is named more than once.");
        }
        if (!scopes.contains("openid") || !ALLOWED_SCOPES.containsAll(scopes)) {
            throw new HostedUiException("Invalid scope \"" + request.scope() + "\": ask for openid, optionally with "
                    + "profile and email.");
        }
    }

    /** @throws HostedUiException when the sign-out does not lead back to this app */
    void checkSignOut(String requestedClientId, String logoutUri, URI requestBase) {
        requireClient(requestedClientId);
        requireAppUrl(logoutUri, "/signout", "logout_uri", requestBase);
    }

    private void requireClient(String requestedClientId) {
        if (!clientId.equals(requestedClientId)) {
            throw new HostedUiException("Unknown client_id \"" + requestedClientId + "\": this user pool's app client is "
                    + clientId + ".");
        }
    }

    private void requireAppUrl(String given, String path, String parameter, URI requestBase) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(withoutTrailingSlash(requestBase) + path);
        settings.publicUrl().ifPresent(url -> allowed.add(withoutTrailingSlash(url) + path));
        if (!allowed.contains(given)) {
            throw new HostedUiException("The " + parameter + " \"" + given + "\" is not registered for this app client; "
                    + "allowed: " + String.join(", ", allowed) + ".");
        }
    }

    private static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
