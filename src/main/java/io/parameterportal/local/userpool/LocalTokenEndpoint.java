package io.parameterportal.local.userpool;

import java.util.List;

import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The local stand-in of the user pool's token endpoint ({@code POST /oauth2/token}) and revocation endpoint
 * ({@code POST /oauth2/revoke}, RFC 7009), for a public client, answered as Cognito answers.
 *
 * <p>{@code /oauth2/token} takes a form-encoded {@code grant_type}, {@code client_id} and:
 * <ul>
 * <li>{@code authorization_code}: {@code code}, {@code redirect_uri}, {@code code_verifier} → {@code 200} JSON with
 * {@code id_token}, {@code access_token}, {@code refresh_token}, {@code expires_in}, {@code token_type};</li>
 * <li>{@code refresh_token}: {@code refresh_token} → the same without a new {@code refresh_token} (Cognito keeps the
 * one it issued at sign-in).</li>
 * </ul>
 * Refusals are {@code 400} JSON {@code {"error":"…"}}: {@code invalid_request} (not form-encoded, a field missing or
 * given twice), {@code unsupported_grant_type}, {@code invalid_client} (an unknown {@code client_id}),
 * {@code invalid_grant} (a code that is unknown, used, expired, issued to another client or for another
 * {@code redirect_uri}, whose verifier does not match its challenge, or whose user is disabled; a refresh token that
 * is unknown, expired, revoked, or whose user was signed out globally or disabled since).
 *
 * <p>{@code /oauth2/revoke} takes {@code token} (a refresh token) and {@code client_id}: {@code 200} with an empty body
 * whether or not the token was known (RFC 7009, section 2.2), {@code 400 invalid_request} without a token,
 * {@code 400 invalid_client} for an unknown client.
 */
@Singleton
public record LocalTokenEndpoint(LocalAppClient client, LocalAuthorizationCodes codes, LocalRefreshTokens refreshTokens,
        LocalUsers users, LocalUserPool userPool) {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** An error answer: the OAuth error code only, as Cognito sends it. */
    private static final class TokenError extends RuntimeException {
        private final String error;

        TokenError(String error) {
            super(error, null, false, false);
            this.error = error;
        }
    }

    /** {@code POST /oauth2/token}. */
    public void exchange(RoutingContext context) {
        try {
            MultiMap form = form(context.request());
            String grantType = required(form, "grant_type");
            String clientId = required(form, "client_id");
            JsonObject answer = switch (grantType) {
                case "authorization_code" -> redeemCode(form, clientId);
                case "refresh_token" -> refresh(form, clientId);
                default -> throw new TokenError("unsupported_grant_type");
            };
            answer(context, 200, answer.encode());
        } catch (TokenError e) {
            answer(context, 400, new JsonObject().put("error", e.error).encode());
        }
    }

    /** {@code POST /oauth2/revoke}. */
    public void revoke(RoutingContext context) {
        try {
            MultiMap form = form(context.request());
            String token = required(form, "token");
            String clientId = required(form, "client_id");
            requireClient(clientId);
            refreshTokens.revoke(token, clientId);
            answer(context, 200, "");
        } catch (TokenError e) {
            answer(context, 400, new JsonObject().put("error", e.error).encode());
        }
    }

    private JsonObject redeemCode(MultiMap form, String clientId) {
        String code = required(form, "code");
        String redirectUri = optional(form, "redirect_uri");
        String codeVerifier = optional(form, "code_verifier");
        requireClient(clientId);
        LocalAuthorizationCodes.Grant grant = codes.redeem(code).orElseThrow(() -> new TokenError("invalid_grant"));
        boolean bound = grant.clientId().equals(clientId) && grant.redirectUri().equals(redirectUri)
                && grant.provenBy(codeVerifier) && users.isEnabled(grant.user().username());
        if (!bound) {
            throw new TokenError("invalid_grant");
        }
        return tokens(userPool.tokens(grant.user(), grant.scope(), grant.nonce(), grant.authentication()))
                .put("refresh_token", refreshTokens.issue(grant.user(), clientId, grant.scope(), grant.authentication()));
    }

    private JsonObject refresh(MultiMap form, String clientId) {
        String refreshToken = required(form, "refresh_token");
        requireClient(clientId);
        LocalRefreshTokens.Grant grant = refreshTokens.honour(refreshToken, clientId)
                .orElseThrow(() -> new TokenError("invalid_grant"));
        return tokens(userPool.tokens(grant.user(), grant.scope(), null, grant.authentication()));
    }

    private static JsonObject tokens(SignedInTokens tokens) {
        return new JsonObject()
                .put("id_token", tokens.idToken())
                .put("access_token", tokens.accessToken())
                .put("expires_in", tokens.expiresIn().toSeconds())
                .put("token_type", "Bearer");
    }

    private void requireClient(String clientId) {
        if (!client.isClient(clientId)) {
            throw new TokenError("invalid_client");
        }
    }

    private static MultiMap form(HttpServerRequest http) {
        String contentType = http.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase().startsWith(FORM)) {
            throw new TokenError("invalid_request");
        }
        return http.formAttributes();
    }

    private static String required(MultiMap form, String name) {
        String value = optional(form, name);
        if (value == null || value.isEmpty()) {
            throw new TokenError("invalid_request");
        }
        return value;
    }

    private static String optional(MultiMap form, String name) {
        List<String> values = form.getAll(name);
        if (values.size() > 1) {
            throw new TokenError("invalid_request");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static void answer(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .end(body);
    }
}
