package io.parameterportal.local.userpool;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import io.vertx.core.MultiMap;

/**
 * The OAuth parameters of a hosted-UI sign-in, as the app sent them (query of the sign-in page,
 * hidden fields of its form). Absent ones are empty strings; an absent scope asks for the app
 * client's scopes, as on Cognito. {@code codeChallenge} and {@code codeChallengeMethod} are PKCE's
 * (RFC 7636), used by the code grant only.
 */
record SignInRequest(String responseType, String clientId, String redirectUri, String scope, String state, String nonce,
        String codeChallenge, String codeChallengeMethod) {

    private static final String CLIENT_SCOPES = "openid profile";

    /** @throws HostedUiException when a parameter is given more than once: which one counts would be a guess */
    static SignInRequest from(MultiMap parameters) {
        UnaryOperator<String> parameter = name -> {
            List<String> values = parameters.getAll(name);
            if (values.size() > 1) {
                throw new HostedUiException("The parameter " + name + " is given more than once.");
            }
            return values.isEmpty() ? "" : values.get(0);
        };
        String scope = parameter.apply("scope");
        return new SignInRequest(
                parameter.apply("response_type"),
                parameter.apply("client_id"),
                parameter.apply("redirect_uri"),
                scope.isBlank() ? CLIENT_SCOPES : scope,
                parameter.apply("state"),
                parameter.apply("nonce"),
                parameter.apply("code_challenge"),
                parameter.apply("code_challenge_method"));
    }

    boolean codeGrant() {
        return "code".equals(responseType);
    }

    /** The code grant's answer: a one-time code (and the state) in the query. */
    String redirectWithCode(String code) {
        return redirectUri + "?code=" + encode(code) + stateParameter();
    }

    /** A refusal Cognito reports to the app rather than to the user: {@code ?error=…} on the (checked) redirect URI. */
    String redirectWithError(String error, String description) {
        return redirectUri + "?error=" + encode(error) + "&error_description=" + encode(description) + stateParameter();
    }

    private String stateParameter() {
        return state.isEmpty() ? "" : "&state=" + encode(state);
    }

    /** The implicit grant's answer: the tokens travel in the fragment, which browsers never send to a server. */
    String redirectWith(SignedInTokens tokens) {
        StringBuilder fragment = new StringBuilder()
                .append("id_token=").append(encode(tokens.idToken()))
                .append("&access_token=").append(encode(tokens.accessToken()))
                .append("&expires_in=").append(tokens.expiresIn().toSeconds())
                .append("&token_type=Bearer");
        return redirectUri + "#" + fragment + stateParameter();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
