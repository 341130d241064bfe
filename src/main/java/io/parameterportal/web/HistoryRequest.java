package io.parameterportal.web;

/**
 * Body of {@code POST /api/history}.
 *
 * @param name the parameter whose versions to list
 */
record HistoryRequest(String name, String role, String idToken, String nonce) implements SignedRequest {
}
