package io.parameterportal.web;

/**
 * Body of {@code POST /api/session}: either an id token (implicit flow) or an authorization code with its
 * PKCE verifier (code flow), never both.
 *
 * @param idToken the id token from the hosted UI's redirect (implicit flow)
 * @param code the authorization code from the hosted UI's redirect (code flow), redeemed by the service
 * @param codeVerifier the PKCE verifier whose S256 challenge the sign-in was started with (code flow)
 * @param nonce the nonce the page sent to the hosted UI, when it sent one; the token must carry the same
 * @param role the IAM role to view as, one of the token's {@code cognito:roles}; absent lets the identity pool pick
 */
public record SessionRequest(String idToken, String code, String codeVerifier, String nonce, String role) implements SignedRequest {
}
