package io.parameterportal.local.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.lang.HashUtil;

import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The SigV4 signature of a request as received, computed as the specification says
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html), for a service other
 * than S3: canonical request, string to sign, signing key, signature. Why not the SDK's signer:
 * docs/decisions/sigv4-verifier-by-hand.md.
 *
 * <p>Never logs: a canonical request holds the session token.
 */
final class SigV4Signature {

    private static final HexFormat HEX = HexFormat.of();
    /** Runs of white space inside a header value, which the canonical form collapses to one space. */
    private static final Pattern SEQUENTIAL_SPACE = Pattern.compile("\\s+");
    private static final Comparator<String[]> BY_NAME_THEN_VALUE = Comparator.<String[], String> comparing(pair -> pair[0])
            .thenComparing(pair -> pair[1]);

    private SigV4Signature() {
    }

    /**
     * The lowercase hex signature the client must have sent, if it signed {@code request} with
     * {@code secretKey} as {@code authorization} says (its scope and signed headers).
     *
     * @param amzDate the request's {@code X-Amz-Date}, the second line of the string to sign
     * @throws AwsError {@code InvalidSignatureException} when a signed header is absent from the request
     */
    static String expected(AwsRequest request, SigV4Authorization authorization, String amzDate, String secretKey) {
        String stringToSign = SigV4Authorization.ALGORITHM + "\n"
                + amzDate + "\n"
                + authorization.scope() + "\n"
                + HEX.formatHex(sha256(canonicalRequest(request, authorization).getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), authorization.date());
        key = hmac(key, authorization.region());
        key = hmac(key, authorization.service());
        key = hmac(key, authorization.terminator());
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /**
     * The canonical request, one element a line: method, canonical URI, canonical query string,
     * canonical headers (each line ends with a newline, so a blank line follows them), signed headers,
     * payload hash.
     */
    static String canonicalRequest(AwsRequest request, SigV4Authorization authorization) {
        return request.method() + "\n"
                + canonicalUri(request.path()) + "\n"
                + canonicalQuery(request.query()) + "\n"
                + canonicalHeaders(request, authorization.signedHeaders()) + "\n"
                + authorization.signedHeadersLine() + "\n"
                + payloadHash(request);
    }

    /**
     * The path as received, normalized (no empty, {@code .} or {@code ..} segments; a trailing slash
     * kept), each segment URI-encoded once more. The path on the wire is already encoded once, so each
     * segment ends up encoded twice, as SigV4 asks of every service but S3: {@code /a b} travels as
     * {@code /a%20b} and is signed as {@code /a%2520b}. An empty path is {@code /}.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        StringBuilder uri = new StringBuilder();
        for (String segment : segments) {
            uri.append('/').append(SdkHttpUtils.urlEncode(segment));
        }
        if (segments.isEmpty() || rawPath.endsWith("/")) {
            uri.append('/');
        }
        return uri.toString();
    }

    /**
     * Each parameter of the received query decoded, then name and value URI-encoded (a parameter
     * without {@code =} has an empty value), sorted by encoded name and then value, joined with
     * {@code &}. A {@code +} is taken as itself (SigV4 encodes a space as {@code %20}, never {@code +}).
     *
     * @throws AwsError {@code InvalidSignatureException} for a query whose percent escapes are malformed
     */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            parameters.add(new String[] { SdkHttpUtils.urlEncode(decode(name)), SdkHttpUtils.urlEncode(decode(value)) });
        }
        parameters.sort(BY_NAME_THEN_VALUE);
        StringBuilder query = new StringBuilder();
        for (String[] parameter : parameters) {
            query.append(query.length() == 0 ? "" : "&").append(parameter[0]).append('=').append(parameter[1]);
        }
        return query.toString();
    }

    /**
     * One line {@code name:value} per signed header, in the order of {@code SignedHeaders}: the
     * value trimmed, runs of white space collapsed to one space, repeated headers' values joined with
     * commas in the order received.
     *
     * @throws AwsError {@code InvalidSignatureException} when a signed header is not in the request:
     *         the client cannot have signed the request that arrived
     */
    static String canonicalHeaders(AwsRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = name.isEmpty() ? List.of() : request.headers().getAll(name);
            if (values.isEmpty()) {
                throw SigV4Verifier.signatureMismatch();
            }
            headers.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                headers.append(i == 0 ? "" : ",").append(SEQUENTIAL_SPACE.matcher(values.get(i)).replaceAll(" ").strip());
            }
            headers.append('\n');
        }
        return headers.toString();
    }

    /**
     * Hex SHA-256 of the body received. A signer that also sends {@code x-amz-content-sha256} (the
     * Java SDK does) puts that header's value on this line; outside S3 the value must be this very
     * hash (S3's {@code UNSIGNED-PAYLOAD} and streaming forms do not apply to SSM), so the line is
     * always computed from the body: a signature over any other value, or over another body, fails.
     */
    static String payloadHash(AwsRequest request) {
        return HEX.formatHex(sha256(request.body().getBytes()));
    }

    /** Percent-decoding only: {@link URLDecoder} would read {@code +} as a space, so it is escaped first. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw SigV4Verifier.signatureMismatch();
        }
    }

    private static byte[] sha256(byte[] data) {
        return HashUtil.getMessageDigest(HashUtil.SHA_256).digest(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
