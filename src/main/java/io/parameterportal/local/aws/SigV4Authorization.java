package io.parameterportal.local.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a SigV4 {@code Authorization} header, as the client wrote them:
 * {@code AWS4-HMAC-SHA256 Credential=<key id>/<date>/<region>/<service>/aws4_request, SignedHeaders=<a;b>, Signature=<hex>}.
 *
 * @param date the credential scope's date, {@code yyyyMMdd}
 * @param terminator the credential scope's last part, {@code aws4_request} in a well-formed scope
 * @param signedHeaders the {@code SignedHeaders} list in the client's order; the canonical request is built from exactly these
 */
record SigV4Authorization(String accessKeyId, String date, String region, String service, String terminator,
        List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /**
     * @throws AwsError {@code IncompleteSignatureException} for a header of another form, or one whose
     *         {@code SignedHeaders} leave out {@code host} (AWS requires the host to be signed)
     */
    static SigV4Authorization parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw incomplete("Only " + ALGORITHM + " signatures are accepted.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0], pair[1]);
            }
        }
        String credential = required(parts, "Credential");
        String signedHeaders = required(parts, "SignedHeaders");
        String signature = required(parts, "Signature");
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty()) {
            throw incomplete("The Credential parameter must be <access key id>/<date>/<region>/<service>/aws4_request.");
        }
        List<String> names = List.of(signedHeaders.split(";", -1));
        if (!names.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], names, signature);
    }

    /** {@code <date>/<region>/<service>/<terminator>}, the third line of the string to sign. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    /** The signed headers line of the canonical request: the list exactly as the client sent it. */
    String signedHeadersLine() {
        return String.join(";", signedHeaders);
    }

    /** Leaves the signature out: it is a credential's proof and has no place in a log. */
    @Override
    public String toString() {
        return "SigV4Authorization[accessKeyId=" + accessKeyId + ", scope=" + scope() + ", signedHeaders=" + signedHeadersLine() + "]";
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
