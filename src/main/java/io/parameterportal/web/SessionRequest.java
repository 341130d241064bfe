package io.parameterportal.web;

/**
 * Body of {@code POST /api/session}.
 *
 * @param idToken the id token from the hosted UI's redirect
 * @param nonce the nonce the page sent to the hosted UI, when it sent one; the token must carry the same
 * @param role the IAM role to view as, one of the token's {@code cognito:roles}; absent lets the identity pool pick
 */
public record SessionRequest(String idToken, String nonce, String role) {
}
