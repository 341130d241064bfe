package io.parameterportal.web;

/**
 * Body of {@code POST /api/session}. Implicit flow: the id token and the nonce of its sign-in. Code flow: neither
 * (the session cookie signs the request in), so {@code {}} or just a role. Any other member is refused (400, see
 * {@link Caller#parse}), so that a body of the removed browser-side code exchange ({@code {"code", "codeVerifier"}})
 * is never taken for something else.
 *
 * @param idToken the id token from the hosted UI's redirect (implicit flow)
 * @param nonce the nonce the page sent to the hosted UI (implicit flow); required when the token carries one
 * @param role the IAM role to view as, one of the token's {@code cognito:roles}; absent lets the identity pool pick
 */
public record SessionRequest(String idToken, String nonce, String role) implements SignedRequest {
}
