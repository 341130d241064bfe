package io.parameterportal.local.userpool;

import java.util.List;

import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The local stand-in of the user pool's token endpoint, {@code POST /oauth2/token}, for the code grant with PKCE:
 * a form-encoded {@code grant_type=authorization_code}, {@code client_id}, {@code code}, {@code redirect_uri} and
 * {@code code_verifier}, answered as Cognito answers — {@code 200} JSON with {@code id_token}, {@code access_token},
 * {@code expires_in} and {@code token_type}, or {@code 400} JSON {@code {"error":"…"}}:
 * <ul>
 * <li>{@code invalid_request}: not form-encoded, or {@code grant_type}, {@code client_id} or {@code code} missing or
 * given twice;</li>
 * <li>{@code unsupported_grant_type}: any grant but {@code authorization_code} (this stand-in issues no refresh
 * tokens, so it has none to redeem);</li>
 * <li>{@code invalid_client}: an unknown {@code client_id};</li>
 * <li>{@code invalid_grant}: the code is unknown, used, expired, or was issued to another client or for another
 * {@code redirect_uri}, or the verifier is missing or does not match the challenge (RFC 7636, section 4.6), or the
 * user has been disabled since.</li>
 * </ul>
 */
@Singleton
public record LocalTokenEndpoint(LocalAppClient client, LocalAuthorizationCodes codes, LocalUsers users,
        LocalUserPool userPool) {

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
            SignedInTokens tokens = redeem(context.request());
            answer(context, 200, new JsonObject()
                    .put("id_token", tokens.idToken())
                    .put("access_token", tokens.accessToken())
                    .put("expires_in", tokens.expiresIn().toSeconds())
                    .put("token_type", "Bearer"));
        } catch (TokenError e) {
            answer(context, 400, new JsonObject().put("error", e.error));
        }
    }

    private SignedInTokens redeem(HttpServerRequest http) {
        String contentType = http.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase().startsWith(FORM)) {
            throw new TokenError("invalid_request");
        }
        MultiMap form = http.formAttributes();
        String grantType = required(form, "grant_type");
        if (!"authorization_code".equals(grantType)) {
            throw new TokenError("unsupported_grant_type");
        }
        String clientId = required(form, "client_id");
        String code = required(form, "code");
        String redirectUri = optional(form, "redirect_uri");
        String codeVerifier = optional(form, "code_verifier");
        if (!client.isClient(clientId)) {
            throw new TokenError("invalid_client");
        }
        LocalAuthorizationCodes.Grant grant = codes.redeem(code).orElseThrow(() -> new TokenError("invalid_grant"));
        boolean bound = grant.clientId().equals(clientId) && grant.redirectUri().equals(redirectUri)
                && grant.provenBy(codeVerifier) && users.isEnabled(grant.user().username());
        if (!bound) {
            throw new TokenError("invalid_grant");
        }
        return userPool.signIn(grant.user(), grant.scope(), grant.nonce());
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

    private static void answer(RoutingContext context, int status, JsonObject body) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .end(body.encode());
    }
}
