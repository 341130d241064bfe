package io.parameterportal.faults;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.params.provider.Arguments;

import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.token.TokenRejection;

/**
 * Twenty-one kinds of bad id token, each with the reason it must be refused for: malformed, forged,
 * signed the wrong way, or carrying claims of another pool, client, use or time. Made against
 * {@link AwsStandIn}'s pool key; used by the attack matrix and by the log-hygiene test.
 */
final class BadTokens {

    /** Makes one bad token against the stand-in's pool. */
    @FunctionalInterface
    interface Maker {
        String make(AwsStandIn aws) throws Exception;
    }

    private BadTokens() {
    }

    /** Arguments of kind, {@link Maker} and the expected {@link TokenRejection}. */
    static Stream<Arguments> all() {
        return Stream.of(
                bad("empty", a -> "", TokenRejection.MISSING),
                bad("not a JWT", a -> "hello world", TokenRejection.MALFORMED),
                bad("two parts", a -> firstParts(a.idToken("u", "U"), 2), TokenRejection.MALFORMED),
                bad("four parts", a -> a.idToken("u", "U") + ".AAAA", TokenRejection.MALFORMED),
                bad("bad base64", a -> "%%%." + firstParts(a.idToken("u", "U"), 2).split("\\.")[1] + ".%%%", TokenRejection.MALFORMED),
                bad("bad JSON payload", a -> replacePayload(a.idToken("u", "U"), "{not json"), TokenRejection.MALFORMED),
                bad("alg none", a -> unsigned(a.idClaims("u", "U")), TokenRejection.NOT_RS256),
                bad("HS256 keyed with the public key", a -> hmacWithPublicKey(a), TokenRejection.NOT_RS256),
                bad("RS384", a -> AwsStandIn.signWith(a.idClaims("u", "U"), a.poolKey(), AlgorithmIdentifiers.RSA_USING_SHA384), TokenRejection.NOT_RS256),
                bad("PS256", a -> AwsStandIn.signWith(a.idClaims("u", "U"), a.poolKey(), AlgorithmIdentifiers.RSA_PSS_USING_SHA256), TokenRejection.NOT_RS256),
                bad("unknown kid", a -> AwsStandIn.signWith(a.idClaims("u", "U"), freshKey("unknown-kid"), AlgorithmIdentifiers.RSA_USING_SHA256), TokenRejection.UNKNOWN_KEY),
                bad("signed by another key", a -> AwsStandIn.signWith(a.idClaims("u", "U"), freshKey(a.poolKey().getKeyId()), AlgorithmIdentifiers.RSA_USING_SHA256), TokenRejection.BAD_SIGNATURE),
                bad("tampered payload", a -> tampered(a.idToken("u", "Eve")), TokenRejection.BAD_SIGNATURE),
                bad("expired", a -> a.sign(spoil(a, c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(now() - 7200));
                    c.setExpirationTime(NumericDate.fromSeconds(now() - 3600));
                })), TokenRejection.EXPIRED),
                bad("nbf in the future", a -> a.sign(spoil(a, c -> c.setNotBefore(NumericDate.fromSeconds(now() + 3600)))), TokenRejection.NOT_YET_VALID),
                bad("iat far in the future", a -> a.sign(spoil(a, c -> c.setIssuedAt(NumericDate.fromSeconds(now() + 3600)))), TokenRejection.ISSUED_IN_THE_FUTURE),
                bad("wrong iss", a -> a.sign(spoil(a, c -> c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Evil"))), TokenRejection.WRONG_ISSUER),
                bad("wrong aud", a -> a.sign(spoil(a, c -> c.setAudience("evilclient"))), TokenRejection.WRONG_AUDIENCE),
                bad("access token", a -> a.sign(spoil(a, c -> c.setClaim("token_use", "access"))), TokenRejection.NOT_AN_ID_TOKEN),
                bad("no token_use", a -> a.sign(spoil(a, c -> c.unsetClaim("token_use"))), TokenRejection.NOT_AN_ID_TOKEN),
                bad("no sub", a -> a.sign(spoil(a, c -> c.unsetClaim("sub"))), TokenRejection.NO_SUBJECT));
    }

    private static Arguments bad(String kind, Maker maker, TokenRejection reason) {
        return Arguments.of(kind, maker, reason);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static JwtClaims spoil(AwsStandIn aws, Consumer<JwtClaims> change) {
        JwtClaims claims = aws.idClaims("u", "U");
        change.accept(claims);
        return claims;
    }

    private static String firstParts(String token, int count) {
        String[] parts = token.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, count));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String replacePayload(String token, String payload) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(payload) + "." + parts[2];
    }

    private static String tampered(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return replacePayload(token, payload.replace("\"Eve\"", "\"Administrator\""));
    }

    private static String unsigned(JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    private static String hmacWithPublicKey(AwsStandIn aws) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(aws.idClaims("u", "U").toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(aws.poolKey().getKeyId());
        jws.setKey(new HmacKey(aws.poolKey().getPublicKey().getEncoded()));
        return jws.getCompactSerialization();
    }

    private static RsaJsonWebKey freshKey(String kid) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid);
        return key;
    }
}
