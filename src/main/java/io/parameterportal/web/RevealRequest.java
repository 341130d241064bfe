package io.parameterportal.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/parameter}.
 *
 * @param name the parameter to reveal
 * @param version a positive integer: that version rather than the current one; kept as JSON so that
 *        {@code 1.5}, {@code "2"} or {@code -1} are refused rather than coerced
 */
record RevealRequest(String name, JsonNode version, String role, String idToken, String nonce) implements SignedRequest {
}
