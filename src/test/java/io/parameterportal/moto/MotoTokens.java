package io.parameterportal.moto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Bends genuine moto tokens into the bad ones a portal must refuse. */
final class MotoTokens {

    private MotoTokens() {
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The claims of a token, read without any check (this is the attacker's view). */
    static JwtClaims claimsOf(String token) {
        try {
            return JwtClaims.parse(payloadJson(token));
        } catch (InvalidJwtException e) {
            throw new IllegalArgumentException("not a JWT payload", e);
        }
    }

    static String payloadJson(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    static String headerJson(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    /** A genuine id token's claims, changed, then signed with moto's own key and kid: only the change is wrong. */
    static String resignedByMoto(MotoFixture moto, String idToken, Consumer<JwtClaims> change) {
        JwtClaims claims = claimsOf(idToken);
        change.accept(claims);
        return sign(claims, moto.signingKey(), moto.signingKey().getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** The same claims signed by a fresh RSA key that claims moto's kid. */
    static String signedByAnotherKey(MotoFixture moto, String idToken) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            return sign(claimsOf(idToken), other, moto.signingKey().getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims under a key id that the user pool does not publish, signed by a fresh key. */
    static String signedWithUnknownKid(String idToken) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            return sign(claimsOf(idToken), other, "not-a-moto-kid", AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    static String unsigned(String idToken) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claimsOf(idToken).toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with the pool's public key: the classic algorithm-confusion forgery. */
    static String hmacWithPublicKey(MotoFixture moto, String idToken) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claimsOf(idToken).toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKeyIdHeaderValue(moto.signingKey().getKeyId());
            jws.setKey(new HmacKey(moto.signingKey().getPublicKey().getEncoded()));
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payload segment re-encoded with {@code from} replaced by {@code to}; header and signature kept. */
    static String tampered(String token, String from, String to) {
        String payload = payloadJson(token);
        if (!payload.contains(from)) {
            throw new IllegalArgumentException("the payload has no " + from + ": " + payload);
        }
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(payload.replace(from, to)) + "." + parts[2];
    }

    static String firstParts(String token, int count) {
        String[] parts = token.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, count));
    }

    static void expire(JwtClaims claims) {
        claims.setIssuedAt(NumericDate.fromSeconds(now() - 2 * 3600));
        claims.setClaim("auth_time", now() - 2 * 3600);
        claims.setExpirationTime(NumericDate.fromSeconds(now() - 3600));
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key, String kid, String algorithm) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(kid);
            jws.setAlgorithmHeaderValue(algorithm);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
