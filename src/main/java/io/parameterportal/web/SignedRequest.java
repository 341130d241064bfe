package io.parameterportal.web;

/**
 * What every API body carries to say who asks: the id token (implicit flow), the nonce the page sent to
 * the hosted UI for it, and the role to act as (one of the token's {@code cognito:roles}; absent lets the
 * identity pool pick).
 */
interface SignedRequest {

    String idToken();

    String nonce();

    String role();
}
