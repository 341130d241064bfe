package io.parameterportal.local.userpool;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.Origins;
import io.parameterportal.config.PortalConfig;

/**
 * The user pool's one app client, a public client (no secret) as in the tutorial but allowing both the
 * implicit grant and the code grant, so either {@code portal.oauth-flow} works without reconfiguring
 * anything; scopes openid and profile (and email), callback {@code /signin} and sign-out
 * {@code /signout} of this app. The app's address is the request's own origin, or
 * {@code portal.public-url}: a redirect can only lead back to the app the browser is already talking to.
 *
 * <p>PKCE in the code grant, as Cognito documents its authorize endpoint: only {@code S256}; a
 * {@code code_challenge} without {@code code_challenge_method}, a method other than {@code S256}, or the
 * method without a challenge is sent back to the redirect URI as {@code ?error=invalid_request}. Stricter
 * than Cognito, which also issues codes without PKCE: a code grant without a challenge, or with a challenge
 * that is not a base64url SHA-256 (43 characters), is refused the same way — a public client must use PKCE
 * (RFC 9700, section 2.1.1), and the stand-in should catch an app that forgets it.
 */
@ApplicationScoped
class LocalAppClient {

    private static final Set<String> ALLOWED_SCOPES = Set.of("openid", "profile", "email");
    private static final Set<String> GRANTS = Set.of("token", "code");
    /** BASE64URL(SHA-256(verifier)) without padding: 32 bytes make 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String clientId;
    private final Optional<URI> publicUrl;

    LocalAppClient(CognitoPool pool, PortalConfig config) {
        this.clientId = pool.clientId();
        this.publicUrl = config.publicUrl();
    }

    /**
     * @throws HostedUiException when the sign-in is not one this client may start (an error page)
     * @throws SignInRedirectedError when client and redirect URI are good but the PKCE parameters are not
     */
    void checkSignIn(SignInRequest request, URI requestBase) {
        requireClient(request.clientId());
        requireAppUrl(request.redirectUri(), "/signin", "redirect_uri", requestBase);
        if (!GRANTS.contains(request.responseType())) {
            throw new HostedUiException("Unsupported response_type \"" + request.responseType()
                    + "\": this local user pool offers the implicit grant (response_type=token) and the code grant "
                    + "(response_type=code).");
        }
        List<String> named = List.of(request.scope().trim().split("\\s+"));
        Set<String> scopes = new HashSet<>(named);
        if (scopes.size() != named.size()) {
            throw new HostedUiException("Invalid scope \"" + request.scope() + "\": a scope is named more than once.");
        }
        if (!scopes.contains("openid") || !ALLOWED_SCOPES.containsAll(scopes)) {
            throw new HostedUiException("Invalid scope \"" + request.scope() + "\": ask for openid, optionally with "
                    + "profile and email.");
        }
        if (request.codeGrant()) {
            requirePkce(request);
        }
    }

    private static void requirePkce(SignInRequest request) {
        String method = request.codeChallengeMethod();
        String challenge = request.codeChallenge();
        String problem = null;
        if (method.isEmpty() && challenge.isEmpty()) {
            problem = "This app client requires PKCE: send code_challenge and code_challenge_method=S256.";
        } else if (method.isEmpty()) {
            problem = "A code_challenge needs code_challenge_method=S256 (the plain method is not supported).";
        } else if (!"S256".equals(method)) {
            problem = "Unsupported code_challenge_method; only S256 is supported.";
        } else if (!S256_CHALLENGE.matcher(challenge).matches()) {
            problem = "The code_challenge must be the base64url SHA-256 of the code verifier (43 characters).";
        }
        if (problem != null) {
            throw new SignInRedirectedError(request.redirectWithError("invalid_request", problem));
        }
    }

    /** @throws HostedUiException when the sign-out does not lead back to this app */
    void checkSignOut(String requestedClientId, String logoutUri, URI requestBase) {
        requireClient(requestedClientId);
        requireAppUrl(logoutUri, "/signout", "logout_uri", requestBase);
    }

    /** Whether a token request names this app client. */
    boolean isClient(String requestedClientId) {
        return clientId.equals(requestedClientId);
    }

    private void requireClient(String requestedClientId) {
        if (!isClient(requestedClientId)) {
            throw new HostedUiException("Unknown client_id \"" + requestedClientId + "\": this user pool's app client is "
                    + clientId + ".");
        }
    }

    private void requireAppUrl(String given, String path, String parameter, URI requestBase) {
        Set<String> allowed = new LinkedHashSet<>();
        allowed.add(Origins.withoutTrailingSlash(requestBase) + path);
        publicUrl.ifPresent(url -> allowed.add(Origins.withoutTrailingSlash(url) + path));
        if (!allowed.contains(given)) {
            throw new HostedUiException("The " + parameter + " \"" + given + "\" is not registered for this app client; "
                    + "allowed: " + String.join(", ", allowed) + ".");
        }
    }
}
