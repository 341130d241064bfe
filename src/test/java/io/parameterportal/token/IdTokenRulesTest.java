package io.parameterportal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
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
    private static VerificationKeyResolver keys;

    @BeforeAll
    static void keys() throws JoseException {
        poolKey = RsaJwkGenerator.generateJwk(2048);
        poolKey.setKeyId("pool-key");
        otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId("pool-key");
        keys = new JwksVerificationKeyResolver(List.of(poolKey));
        rules = new IdTokenRules(ISSUER, CLIENT, Duration.ofSeconds(30));
    }

    @Test
    void validIdTokenYieldsSubjectNameAndNonce() throws JoseException {
        VerifiedIdToken token = rules.check(sign(claims(c -> c.setClaim("nonce", "n-1")), poolKey), keys, Instant.now());

        assertThat(token.subject()).isEqualTo("user-1");
        assertThat(token.displayName()).isEqualTo("Ada Lovelace");
        assertThat(token.nonce()).contains("n-1");
        assertThat(token.toString()).doesNotContain(token.compact());
    }

    @Test
    void usernameStandsInWhenTheTokenHasNoName() throws JoseException {
        VerifiedIdToken token = rules.check(sign(claims(c -> c.unsetClaim("name")), poolKey), keys, Instant.now());

        assertThat(token.displayName()).isEqualTo("ada");
    }

    @Test
    void expiredTokenIsRejectedSayingWhen() throws JoseException {
        Instant expired = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = sign(claims(c -> {
            c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(7200).getEpochSecond()));
            c.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expired.getEpochSecond()));
        }), poolKey);

        assertRejected(token, TokenRejection.EXPIRED, "expired at " + expired + ":");
    }

    @Test
    void tokenOfAnotherClientIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.setAudience("someone-else")), poolKey), TokenRejection.WRONG_AUDIENCE, "another app client");
    }

    @Test
    void tokenOfAnotherPoolIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")), poolKey),
                TokenRejection.WRONG_ISSUER, "not issued by this app's user pool");
    }

    @Test
    void accessTokenIsRejectedAsTheWrongUse() throws JoseException {
        assertRejected(sign(claims(c -> c.setClaim("token_use", "access")), poolKey), TokenRejection.NOT_AN_ID_TOKEN, "token_use is access");
    }

    @Test
    void realAccessTokenShapeIsNamedForItsUseNotItsMissingAudience() throws JoseException {
        assertRejected(sign(claims(c -> {
            c.unsetClaim("aud");
            c.setClaim("client_id", CLIENT);
            c.setClaim("token_use", "access");
        }), poolKey), TokenRejection.NOT_AN_ID_TOKEN, "token_use is access");
    }

    @Test
    void tokenOfAnotherPoolAndClientIsNamedForThePool() throws JoseException {
        assertRejected(sign(claims(c -> {
            c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other");
            c.setAudience("other-client");
        }), poolKey), TokenRejection.WRONG_ISSUER, "not issued by this app's user pool");
    }

    @Test
    void expiredTokenOfAnotherPoolIsNamedForThePoolNotTheTime() throws JoseException {
        assertRejected(sign(claims(c -> {
            c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other");
            c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(7200).getEpochSecond()));
            c.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().minusSeconds(3600).getEpochSecond()));
        }), poolKey), TokenRejection.WRONG_ISSUER, "(" + ISSUER + ")");
    }

    @Test
    void claimOfTheWrongTypeIsNamedBeforeTheAudience() throws JoseException {
        assertRejected(sign(claims(c -> {
            c.setClaim("iss", 42);
            c.setAudience("other-client");
        }), poolKey), TokenRejection.WRONG_CLAIM_TYPE, "wrong type");
    }

    @Test
    void tokenWithoutUseIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.unsetClaim("token_use")), poolKey), TokenRejection.NOT_AN_ID_TOKEN, "no token_use");
    }

    @Test
    void tokenWithoutSubjectIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.unsetClaim("sub")), poolKey), TokenRejection.NO_SUBJECT, "no subject");
    }

    @Test
    void tokenSignedByAnotherKeyWithTheSameKidIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> {
        }), otherKey), TokenRejection.BAD_SIGNATURE, "signature does not match");
    }

    @Test
    void aForgedTokenIsNamedForgedWhateverUseItClaims() throws JoseException {
        assertRejected(sign(claims(c -> c.setClaim("token_use", "access")), otherKey), TokenRejection.BAD_SIGNATURE,
                "signature does not match");
    }

    @Test
    void tokenWithUnknownKidIsRejected() throws JoseException {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("stranger");
        assertRejected(sign(claims(c -> {
        }), stranger), TokenRejection.UNKNOWN_KEY, "does not publish");
    }

    @Test
    void tamperedPayloadIsRejected() throws JoseException {
        String[] parts = sign(claims(c -> {
        }), poolKey).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("Ada Lovelace", "Eve Mallory").getBytes());

        assertRejected(parts[0] + "." + forged + "." + parts[2], TokenRejection.BAD_SIGNATURE, "signature does not match");
    }

    @Test
    void unsignedTokenIsRejected() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {
        }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);

        assertRejected(jws.getCompactSerialization(), TokenRejection.NOT_RS256, "RS256");
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyIsRejected() throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {
        }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("pool-key");
        jws.setKey(new HmacKey(poolKey.getPublicKey().getEncoded()));

        assertRejected(jws.getCompactSerialization(), TokenRejection.NOT_RS256, "RS256");
    }

    @Test
    void tokenFromTheFutureIsRejected() throws JoseException {
        assertRejected(sign(claims(c -> c.setIssuedAt(
                org.jose4j.jwt.NumericDate.fromSeconds(Instant.now().plusSeconds(3600).getEpochSecond()))), poolKey),
                TokenRejection.ISSUED_IN_THE_FUTURE, "issued in the future");
    }

    @Test
    void garbageAndTruncatedTokensAreRejected() {
        assertRejected("not-a-jwt", TokenRejection.MALFORMED, "well-formed");
        assertRejected("aGVsbG8.d29ybGQ", TokenRejection.MALFORMED, "well-formed");
        assertRejected("", TokenRejection.MISSING, "No id token");
    }

    @Test
    void threeBase64UrlPartsThatAreNotAJwsAreMalformed() {
        // The form check passes (three base64url parts); jose4j cannot read a JOSE header from them.
        assertRejected("abc.def.ghi", TokenRejection.MALFORMED, "well-formed");
        assertRejected(Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":".getBytes()) + ".e30.c2ln",
                TokenRejection.MALFORMED, "well-formed");
    }

    @Test
    void aTimeBeyondTheCalendarStillGetsASentenceNotAnError() throws JoseException {
        // 10^17 seconds from 1970: a number jose4j reads, a time java.time cannot show (its last year is 1,000,000,000).
        String token = sign(claims(c -> {
            c.setClaim("nbf", 100_000_000_000_000_000L);
            c.setClaim("exp", 100_000_000_000_000_000L);
        }), poolKey);

        assertRejected(token, TokenRejection.NOT_YET_VALID, "not valid before an unreadable time");
    }

    @Test
    void tokenWithCharactersOutsideBase64UrlIsRefusedBeforeParsing() throws JoseException {
        String good = sign(claims(c -> {
        }), poolKey);

        assertRejected(good.replaceFirst("\\.", ".\u00e9"), TokenRejection.MALFORMED, "well-formed");
        assertRejected(good + " ", TokenRejection.MALFORMED, "well-formed");
    }

    @Test
    void timeRulesAreJudgedAtTheTimeGivenNotTheSystemClock() throws JoseException {
        String token = sign(claims(c -> {
        }), poolKey);

        assertThatThrownBy(() -> rules.check(token, keys, Instant.now().plus(Duration.ofHours(2))))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(TokenRejection.EXPIRED));
        assertThat(rules.check(token, keys, Instant.now().plus(Duration.ofMinutes(59))).subject()).isEqualTo("user-1");
    }

    @Test
    void groupRolesAndThePreferredRoleAreRead() throws JoseException {
        VerifiedIdToken token = rules.check(sign(claims(c -> {
            c.setStringListClaim("cognito:roles", "arn:aws:iam::1:role/A", "arn:aws:iam::1:role/B");
            c.setClaim("cognito:preferred_role", "arn:aws:iam::1:role/A");
        }), poolKey), keys, Instant.now());

        assertThat(token.roles()).containsExactly("arn:aws:iam::1:role/A", "arn:aws:iam::1:role/B");
        assertThat(token.preferredRole()).contains("arn:aws:iam::1:role/A");
    }

    private static void assertRejected(String token, TokenRejection reason, String sentence) {
        assertThatThrownBy(() -> rules.check(token, keys, Instant.now()))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(sentence).doesNotContain(token.isEmpty() ? "\u0000" : token);
                    assertThat(e.getCause()).isNull();
                });
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
