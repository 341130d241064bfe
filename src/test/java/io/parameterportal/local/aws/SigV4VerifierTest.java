package io.parameterportal.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The SigV4 check against AWS's published SigV4 test suite (credentials {@code AKIDEXAMPLE}, signed
 * at {@code 20150830T123600Z} for region {@code us-east-1} and service {@code service}): the suite's
 * signatures are accepted, and each is refused once one byte of the signature, the body or a signed
 * header changes. Then the rules around it: what a conforming signer may do (sign more or fewer
 * headers, send a path to normalize, a query), and each refusal with AWS's error type and words.
 */
class SigV4VerifierTest {

    private static final String KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String AMZ_DATE = "20150830T123600Z";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String HOST = "example.amazonaws.com";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided.";

    private final SigV4Verifier verifier = verifierAt(SIGNED_AT);

    /** One signed request: what travels on the wire, and the signature over it. */
    record Signed(String name, String method, String path, String query, String body, List<String> headers,
            String signedHeaders, String signature) {

        Signed(String name, String method, String body, List<String> headers, String signedHeaders, String signature) {
            this(name, method, "/", null, body, headers, signedHeaders, signature);
        }

        AwsRequest request() {
            return requestWith(headers, body);
        }

        AwsRequest requestWith(List<String> otherHeaders, String otherBody) {
            MultiMap received = MultiMap.caseInsensitiveMultiMap();
            for (String header : otherHeaders) {
                int colon = header.indexOf(':');
                received.add(header.substring(0, colon), header.substring(colon + 1));
            }
            received.add("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20150830/us-east-1/service/aws4_request, "
                    + "SignedHeaders=" + signedHeaders + ", Signature=" + signature);
            return new AwsRequest(method, path, query, received, Buffer.buffer(otherBody.getBytes(StandardCharsets.UTF_8)));
        }

        Signed withSignature(String otherSignature) {
            return new Signed(name, method, path, query, body, headers, signedHeaders, otherSignature);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The vectors of AWS's SigV4 test suite (aws-sig-v4-test-suite) this brief names, and the request each signs. */
    static Stream<Signed> testSuite() {
        return Stream.of(
                new Signed("get-vanilla", "GET", "", List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Signed("post-vanilla", "POST", "", List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "host;x-amz-date",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                new Signed("post-x-www-form-urlencoded", "POST", "Param1=value1",
                        List.of("Content-Type:application/x-www-form-urlencoded", "Host:" + HOST, "X-Amz-Date:" + AMZ_DATE),
                        "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"));
    }

    /** More of the suite, and requests botocore 1.43 signed with the same key and time (it agrees with the suite above). */
    static Stream<Signed> conformingSigners() {
        return Stream.of(
                // suite get-header-value-trim: values trimmed, inner runs of spaces collapsed
                new Signed("get-header-value-trim", "GET", "",
                        List.of("Host:" + HOST, "My-Header1: value1", "My-Header2: \"a   b   c\"", "X-Amz-Date:" + AMZ_DATE),
                        "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                // suite get-header-key-duplicate: a repeated header's values joined with commas, in the order received
                new Signed("get-header-key-duplicate", "GET", "",
                        List.of("Host:" + HOST, "My-Header1:value2", "My-Header1:value2", "My-Header1:value1", "X-Amz-Date:" + AMZ_DATE),
                        "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                // suite get-vanilla-query-order-key-case: parameters sorted by name
                new Signed("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", "",
                        List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "host;x-amz-date",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                // botocore: the path normalized (.., ., //) and each segment encoded once more: /a%2520b/c/
                new Signed("botocore-path-normalized", "GET", "/example/../a%20b/./c//", null, "",
                        List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "host;x-amz-date",
                        "b463b09eac8ab5ff0770199df4463b31c9ab6ffb209dfa9d76b7ac585598d951"),
                // botocore: a UTF-8 path as it travels (/%E1%88%B4), signed as /%25E1%2588%25B4
                new Signed("botocore-utf8-path", "GET", "/%E1%88%B4", null, "",
                        List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "host;x-amz-date",
                        "697b34846207a3f72246f99d74ae1ee4fe54f44bb06730c58a0d339eb079596d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({ "testSuite", "conformingSigners" })
    void aConformingSignatureIsAccepted(Signed signed) {
        assertThatCode(() -> verify(signed.request())).doesNotThrowAnyException();
    }

    @Test
    void theCanonicalRequestIsTheSuitesOwn() {
        Signed vanilla = testSuite().findFirst().orElseThrow();
        AwsRequest request = vanilla.request();
        assertThat(SigV4Signature.canonicalRequest(request, SigV4Authorization.parse(request.header("Authorization"))))
                .isEqualTo("""
                        GET
                        /

                        host:example.amazonaws.com
                        x-amz-date:20150830T123600Z

                        host;x-amz-date
                        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSuite")
    void oneByteOfTheSignatureChangedIsRefused(Signed signed) {
        String signature = signed.signature();
        for (int i = 0; i < signature.length(); i += 21) {
            String changed = signature.substring(0, i) + (signature.charAt(i) == '0' ? '1' : '0') + signature.substring(i + 1);
            assertMismatch(signed.withSignature(changed).request());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSuite")
    void oneByteOfTheBodyChangedIsRefused(Signed signed) {
        String body = signed.body().isEmpty() ? "x" : oneByteChanged(signed.body());
        assertMismatch(signed.requestWith(signed.headers(), body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testSuite")
    void oneByteOfASignedHeaderChangedIsRefused(Signed signed) {
        for (int i = 0; i < signed.headers().size(); i++) {
            List<String> headers = new ArrayList<>(signed.headers());
            headers.set(i, oneByteChanged(headers.get(i)));
            assertMismatch(signed.requestWith(headers, signed.body()));
        }
    }

    @Test
    void headersAwsLetsGoUnsignedMayComeAndGo() {
        Signed vanilla = testSuite().findFirst().orElseThrow();
        List<String> more = new ArrayList<>(vanilla.headers());
        more.add("User-Agent:any/1.0");
        more.add("X-Amzn-Trace-Id:Root=1-5759e988-bd862e3fe1be46a994272793");
        assertThatCode(() -> verify(vanilla.requestWith(more, vanilla.body()))).doesNotThrowAnyException();
    }

    /** A captured request replayed with an X-Amz-Target of the sender's choice: the signature over the rest still holds. */
    @ParameterizedTest
    @ValueSource(strings = { "X-Amz-Target:AmazonSSM.DeleteParameter", "Content-Type:application/x-amz-json-1.1",
            "x-amz-security-token:any", "X-Amz-Meta-Anything:1" })
    void aContentTypeOrXAmzHeaderSentUnsignedIsRefused(String unsigned) {
        Signed post = testSuite().skip(1).findFirst().orElseThrow();
        List<String> swapped = new ArrayList<>(post.headers());
        swapped.add(unsigned);
        String name = unsigned.substring(0, unsigned.indexOf(':'));

        assertThatThrownBy(() -> verify(post.requestWith(swapped, post.body())))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("IncompleteSignatureException"))
                .hasMessage("'" + name + "' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void aSignedHeaderMissingFromTheRequestIsASignatureMismatch() {
        Signed form = testSuite().skip(2).findFirst().orElseThrow();
        assertMismatch(form.requestWith(List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), form.body()));
    }

    @Test
    void theHostMustBeSigned() {
        Signed vanilla = new Signed("no host", "GET", "", List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "x-amz-date",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertThatThrownBy(() -> verify(vanilla.request()))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("IncompleteSignatureException"))
                .hasMessage("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void theDateMustBeSigned() {
        Signed hostOnly = new Signed("date not signed", "GET", "", List.of("Host:" + HOST, "X-Amz-Date:" + AMZ_DATE), "host",
                "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertThatThrownBy(() -> verify(hostOnly.request()))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("IncompleteSignatureException"))
                .hasMessage("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void theJavaSdksSignatureWithItsContentHashHeaderIsAccepted() {
        byte[] body = "Param1=value1".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                .request(SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(URI.create("http://" + HOST + "/"))
                        .putHeader("Content-Type", "application/x-www-form-urlencoded").build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "service")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC))).request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        signed.forEachHeader(headers::add);
        assertThat(headers.get("Authorization")).contains("x-amz-content-sha256");

        assertThatCode(() -> verify(new AwsRequest("POST", "/", null, headers, Buffer.buffer(body)))).doesNotThrowAnyException();
    }

    @Test
    void anUnsignedPayloadIsNotAcceptedOutsideS3() {
        Signed unsignedPayload = new Signed("UNSIGNED-PAYLOAD", "POST", "Param1=value1",
                List.of("Content-Type:application/x-www-form-urlencoded", "Host:" + HOST, "X-Amz-Content-Sha256:UNSIGNED-PAYLOAD",
                        "X-Amz-Date:" + AMZ_DATE),
                "content-type;host;x-amz-content-sha256;x-amz-date",
                // what a signer that does not hash the payload (S3's UNSIGNED-PAYLOAD) computes for this request
                "1e4fcacf09e15f53f97c41a1c159d85abda52bb695155b681ef0de983183e58d");
        assertMismatch(unsignedPayload.request());
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        AwsRequest request = testSuite().findFirst().orElseThrow().request();
        assertThatThrownBy(() -> verifier.verify(request, SigV4Authorization.parse(request.header("Authorization")), SECRET + "x"))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith(MISMATCH);
    }

    @Test
    void theCredentialScopeMustNameThisRegionServiceDateAndTerminator() {
        AwsRequest request = testSuite().findFirst().orElseThrow().request();
        request.headers().set("Authorization", request.header("Authorization")
                .replace("20150830/us-east-1/service/aws4_request", "20150831/eu-west-1/ssm/aws5_request"));

        assertThatThrownBy(() -> verify(request))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessage("Credential should be scoped to a valid region, not 'eu-west-1'. "
                        + "Credential should be scoped to correct service: 'service'. "
                        + "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "
                        + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                        + "'20150831' != '20150830', from '20150830T123600Z'.");
    }

    @Test
    void theSigningTimeMayBeFifteenMinutesAwayAndNoMore() {
        AwsRequest request = testSuite().findFirst().orElseThrow().request();
        SigV4Authorization given = SigV4Authorization.parse(request.header("Authorization"));
        Duration fifteen = Duration.ofMinutes(15);

        assertThatCode(() -> verifierAt(SIGNED_AT.plus(fifteen)).verify(request, given, SECRET)).doesNotThrowAnyException();
        assertThatCode(() -> verifierAt(SIGNED_AT.minus(fifteen)).verify(request, given, SECRET)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifierAt(SIGNED_AT.plus(fifteen).plusSeconds(1)).verify(request, given, SECRET))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessage("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)");
        assertThatThrownBy(() -> verifierAt(SIGNED_AT.minus(fifteen).minusSeconds(1)).verify(request, given, SECRET))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessage("Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z "
                        + "(20150830T122059Z + 15 min.)");
    }

    @Test
    void aRequestWithoutXAmzDateIsAnIncompleteSignature() {
        Signed vanilla = testSuite().findFirst().orElseThrow();
        assertThatThrownBy(() -> verify(vanilla.requestWith(List.of("Host:" + HOST), "")))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("IncompleteSignatureException"))
                .hasMessageContaining("X-Amz-Date");
    }

    @Test
    void theCanonicalPartsFollowTheSpecification() {
        assertThat(SigV4Signature.canonicalUri("")).isEqualTo("/");
        assertThat(SigV4Signature.canonicalUri("/local")).isEqualTo("/local");
        assertThat(SigV4Signature.canonicalUri("/local/")).isEqualTo("/local/");
        assertThat(SigV4Signature.canonicalUri("//local/./x/..")).isEqualTo("/local");
        assertThat(SigV4Signature.canonicalUri("/a%20b/c~d*e")).isEqualTo("/a%2520b/c~d%2Ae");
        assertThat(SigV4Signature.canonicalQuery(null)).isEmpty();
        assertThat(SigV4Signature.canonicalQuery("probe=a%20b&alpha=2&Alpha=1&flag&x=1+1&b=%7e"))
                .isEqualTo("Alpha=1&alpha=2&b=~&flag=&probe=a%20b&x=1%2B1");
    }

    @Test
    void aRepeatedQueryParameterIsSortedByValueAndAnEmptyNameKeepsItsValue() {
        // AWS: sort by name, then by value; the split is at the first '=', which may be the first character.
        assertThat(SigV4Signature.canonicalQuery("tag=b&tag=a&tag=c")).isEqualTo("tag=a&tag=b&tag=c");
        assertThat(SigV4Signature.canonicalQuery("=orphan&a==b")).isEqualTo("=orphan&a=%3Db");
    }

    private void verify(AwsRequest request) {
        verifier.verify(request, SigV4Authorization.parse(request.header("Authorization")), SECRET);
    }

    private void assertMismatch(AwsRequest request) {
        assertThatThrownBy(() -> verify(request))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith(MISMATCH);
    }

    /** The last digit changed (so that X-Amz-Date stays a date: 123600Z becomes 123601Z), or else the last character. */
    private static String oneByteChanged(String text) {
        int at = text.length() - 1;
        while (at > 0 && !Character.isDigit(text.charAt(at))) {
            at--;
        }
        if (!Character.isDigit(text.charAt(at))) {
            at = text.length() - 1;
        }
        return text.substring(0, at) + (text.charAt(at) == '1' ? '2' : '1') + text.substring(at + 1);
    }

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier("us-east-1", "service", Clock.fixed(now, ZoneOffset.UTC));
    }
}
