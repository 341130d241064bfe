package io.parameterportal.local.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of a SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=<key id>/<date>/<region>/<service>/aws4_request, SignedHeaders=<a;b>, Signature=<hex>}.
 *
 * @param scope the credential scope, {@code <date>/<region>/<service>/aws4_request}
 */
record SigV4Authorization(String accessKeyId, String scope, String signedHeaders, String signature) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256 ";

    /** @throws AwsError {@code IncompleteSignatureException} for a header of another form */
    static SigV4Authorization parse(String header) {
        if (!header.startsWith(ALGORITHM)) {
            throw incomplete("Only " + ALGORITHM.strip() + " signatures are accepted.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(ALGORITHM.length()).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0], pair[1]);
            }
        }
        String credential = required(parts, "Credential");
        int slash = credential.indexOf('/');
        if (slash <= 0) {
            throw incomplete("The Credential parameter must be <access key id>/<credential scope>.");
        }
        return new SigV4Authorization(credential.substring(0, slash), credential.substring(slash + 1),
                required(parts, "SignedHeaders"), required(parts, "Signature"));
    }

    /** Same key, scope and signed headers, and the same signature (compared in constant time). */
    boolean matches(SigV4Authorization other) {
        return accessKeyId.equals(other.accessKeyId) && scope.equals(other.scope) && signedHeaders.equals(other.signedHeaders)
                && MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                        other.signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String required(Map<String, String> parts, String name) {
        String value = parts.get(name);
        if (value == null || value.isEmpty()) {
            throw incomplete("Authorization header requires '" + name + "' parameter.");
        }
        return value;
    }

    private static AwsError incomplete(String message) {
        return new AwsError("IncompleteSignatureException", message);
    }
}
