package io.parameterportal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn;

/** The verifier's rules, with keys made here: no server, no network. */
class IdTokenRulesTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Test";
    private static final String CLIENT = "testclient";

    private static RsaJsonWebKey poolKey;
    private static RsaJsonWebKey otherKey;
    private static IdTokenRules rules;

    @BeforeAll
    static void keys() throws JoseException {
        poolKey = RsaJwkGenerator.generateJwk(2048);
        poolKey.setKeyId("pool-key");
        otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId("pool-key");
        rules = new IdTokenRules(ISSUER, CLIENT, Duration.ofSeconds(30),
                new JwksVerificationKeyResolver(List.of(poolKey)));
    }

    @Test
    void validIdTokenYieldsSubjectNameAndNonce() throws JoseException {
        VerifiedIdToken token = rules.check(sign(claims(c -> c.setClaim("nonce", "n-1")), poolKey));

        assertThat(token.subject()).isEqualTo("user-1");
        assertThat(token.displayName()).isEqualTo("Ada Lovelace");
        assertThat(token.nonce()).contains("n-1");
        assertThat(token.toString()).doesNotContain(token.compact());
    }

    @Test
    void usernameStandsInWhenTheTokenHasNoName() throws JoseException {
        VerifiedIdToken token = rules.check(sign(claims(c -> c.unsetClaim("name")), poolKey));

        assertThat(token.displayName()).isEqualTo("ada");
    }

    @Test
    void expiredTokenIsRejectedSayingWhen() throws JoseException {
        String token = sign(claims(c -> {
            c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(7200).getEpochSecond()));
            c.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(3600).getEpochSecond()));
        }), poolKey);

        assertRejected(token, "expired at");
    }

    @Test
    void tokenOfAnotherClientIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.setAudience("someone-else")), poolKey), "another app client");
    }

    @Test
    void tokenOfAnotherPoolIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")), poolKey),
                "not issued by this app's user pool");
    }

    @Test
    void accessTokenIsRejectedAsTheWrongUse() throws JoseException {
        assertRejected(sign(claims(c -> c.setClaim("token_use", "access")), poolKey), "token_use is access");
    }

    @Test
    void realAccessTokenShapeIsNamedForItsUseNotItsMissingAudience() throws JoseException {
        assertRejected(sign(claims(c -> {
            c.unsetClaim("aud");
            c.setClaim("client_id", CLIENT);
            c.setClaim("token_use", "access");
        }), poolKey), "token_use is access");
    }

    @Test
    void tokenOfAnotherPoolAndClientIsNamedForThePool() throws JoseException {
        assertRejected(sign(claims(c -> {
            c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other");
            c.setAudience("other-client");
        }), poolKey), "not issued by this app's user pool");
    }

    @Test
    void tokenWithoutUseIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.unsetClaim("token_use")), poolKey), "no token_use");
    }

    @Test
    void tokenWithoutSubjectIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.unsetClaim("sub")), poolKey), "no subject");
    }

    @Test
    void tokenSignedByAnotherKeyWithTheSameKidIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> {
        }), otherKey), "signature does not match");
    }

    @Test
    void tokenWithUnknownKidIsRejected() throws JoseException {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("stranger");
        assertRejected(sign(claims(c -> {
        }), stranger), "does not publish");
    }

    @Test
    void tamperedPayloadIsRejected() throws JoseException {
        String[] parts = sign(claims(c -> {
        }), poolKey).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("Ada Lovelace", "Eve Mallory").getBytes());

        assertRejected(parts[0] + "." + forged + "." + parts[2], "signature does not match");
    }

    @Test
    void unsignedTokenIsRejected() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {
        }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);

        assertRejected(jws.getCompactSerialization(), "RS256");
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyIsRejected() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {
        }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("pool-key");
        jws.setKey(new HmacKey(poolKey.getPublicKey().getEncoded()));

        assertRejected(jws.getCompactSerialization(), "RS256");
    }

    @Test
    void tokenFromTheFutureIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.setIssuedAt(
                org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().plusSeconds(3600).getEpochSecond()))), poolKey),
                "issued in the future");
    }

    @Test
    void garbageAndTruncatedTokensAreRejected() {
        assertRejected("not-a-jwt", "well-formed");
        assertRejected("aGVsbG8.d29ybGQ", "well-formed");
        assertRejected("", "No id token");
    }

    @Test
    void unreachableKeysAreReportedAsUnavailableNotAsABadToken() throws JoseException {
        IdTokenRules offline = new IdTokenRules(ISSUER, CLIENT, Duration.ofSeconds(30), (jws, nesting) -> {
            throw new UnresolvableKeyException("JWKS fetch failed", new IOException("connection refused"));
        });
        String token = sign(claims(c -> {
        }), poolKey);

        assertThatThrownBy(() -> offline.check(token)).isInstanceOf(SigningKeysUnavailableException.class);
    }

    private static void assertRejected(String token, String reason) {
        assertThatThrownBy(() -> rules.check(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.isEmpty() ? "\u0000" : token));
    }

    private static JwtClaims claims(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(CLIENT);
        claims.setSubject("user-1");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("token_use", "id");
        claims.setClaim("cognito:username", "ada");
        claims.setClaim("name", "Ada Lovelace");
        change.accept(claims);
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) throws JoseException {
        return AwsStandIn.signWith(claims, key, AlgorithmIdentifiers.RSA_USING_SHA256);
    }
}
