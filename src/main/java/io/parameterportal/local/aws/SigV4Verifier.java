package io.parameterportal.local.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks AWS makes of a SigV4 signature once the signer's secret key is known: the request's
 * {@code X-Amz-Date}, that {@code Content-Type} and every {@code X-Amz-*} header sent are signed, the
 * credential scope ({@code <that date>/<this region>/<this service>/aws4_request}), a signing time
 * within 15 minutes of this service's clock, and the signature itself (compared in constant time),
 * each refused with AWS's error type and words. Region, service and clock are given so that a test
 * can check it against AWS's published SigV4 test suite.
 */
record SigV4Verifier(String region, String service, Clock clock) {

    /** How far the signing time may be from this service's clock, as on AWS. */
    static final Duration MAX_CLOCK_DIFFERENCE = Duration.ofMinutes(15);
    private static final String TERMINATOR = "aws4_request";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** @throws AwsError with the type and message AWS answers for each way the signature can fail */
    void verify(AwsRequest request, SigV4Authorization given, String secretKey) {
        String amzDate = request.header("X-Amz-Date");
        Instant signedAt = signedAt(amzDate);
        requireSigned(request, given);
        requireScope(given, amzDate);
        requireCurrent(amzDate, signedAt);
        String expected = SigV4Signature.expected(request, given, amzDate, secretKey);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw signatureMismatch();
        }
    }

    /** AWS's answer to a signature that is not the one it computes. */
    static AwsError signatureMismatch() {
        return new AwsError("InvalidSignatureException", "The request signature we calculated does not match the signature "
                + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    private static Instant signedAt(String amzDate) {
        if (amzDate == null) {
            throw new AwsError("IncompleteSignatureException", "Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        try {
            return AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new AwsError("IncompleteSignatureException", "The X-Amz-Date header is not of the form yyyyMMddTHHmmssZ.");
        }
    }

    /**
     * AWS requires {@code host} (checked by {@link SigV4Authorization#parse}), {@code content-type} and
     * every {@code x-amz-*} header sent to be signed: otherwise a captured request could be replayed
     * with, say, another {@code X-Amz-Target} and the signature would still hold.
     */
    private static void requireSigned(AwsRequest request, SigV4Authorization given) {
        for (String name : request.headers().names()) {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if ((lowerCase.equals("content-type") || lowerCase.startsWith("x-amz-")) && !given.signedHeaders().contains(lowerCase)) {
                throw new AwsError("IncompleteSignatureException", "'" + name + "' must be a 'SignedHeader' in the AWS Authorization.");
            }
        }
    }

    /** Every way the scope is wrong, in AWS's words and order, in one message. */
    private void requireScope(SigV4Authorization given, String amzDate) {
        List<String> wrong = new ArrayList<>();
        if (!given.region().equals(region)) {
            wrong.add("Credential should be scoped to a valid region, not '" + given.region() + "'.");
        }
        if (!given.service().equals(service)) {
            wrong.add("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!given.terminator().equals(TERMINATOR)) {
            wrong.add("Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '" + given.terminator() + "'.");
        }
        String day = amzDate.substring(0, 8);
        if (!given.date().equals(day)) {
            wrong.add("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" + given.date()
                    + "' != '" + day + "', from '" + amzDate + "'.");
        }
        if (!wrong.isEmpty()) {
            throw new AwsError("InvalidSignatureException", String.join(" ", wrong));
        }
    }

    private void requireCurrent(String amzDate, Instant signedAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long minutes = MAX_CLOCK_DIFFERENCE.toMinutes();
        Instant earliest = now.minus(MAX_CLOCK_DIFFERENCE);
        Instant latest = now.plus(MAX_CLOCK_DIFFERENCE);
        if (signedAt.isBefore(earliest)) {
            throw new AwsError("InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(earliest) + " (" + AMZ_DATE.format(now) + " - " + minutes + " min.)");
        }
        if (signedAt.isAfter(latest)) {
            throw new AwsError("InvalidSignatureException", "Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(latest) + " (" + AMZ_DATE.format(now) + " + " + minutes + " min.)");
        }
    }
}
