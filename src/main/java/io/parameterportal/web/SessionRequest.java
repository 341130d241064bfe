package io.parameterportal.web;

/**
 * Body of {@code POST /api/session}.
 *
 * @param idToken the id token from the hosted UI's redirect
 * @param nonce the nonce the page sent to the hosted UI, when it sent one; the token must carry the same
 */
public record SessionRequest(String idToken, String nonce) {
}
