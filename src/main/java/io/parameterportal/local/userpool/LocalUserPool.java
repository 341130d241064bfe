package io.parameterportal.local.userpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import io.parameterportal.config.CognitoEndpoints;
import io.parameterportal.config.CognitoPool;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The local user pool's signing side: an RSA key made at start (so tokens die with the process),
 * its public JWKS, and id and access tokens with Cognito's claims, signed RS256.
 */
@Singleton
public class LocalUserPool {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final RsaJsonWebKey key;
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    LocalUserPool(CognitoPool pool, Clock clock) throws JoseException {
        this.key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(UUID.randomUUID().toString());
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        key.setUse("sig");
        this.issuer = pool.issuer();
        this.clientId = pool.clientId();
        this.clock = clock;
    }

    /** The JWKS document: the public key only. */
    public String jwks() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /**
     * The pool's OpenID discovery document as Cognito serves it at
     * {@code https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/openid-configuration}: the issuer in Cognito's
     * form, every endpoint this process's stand-in under {@code local} ({@code http://localhost:<port>/local}), as
     * {@code endpoints} name them.
     * Cognito's own document is not documented to list {@code end_session_endpoint}; the hosted UI's {@code /logout}
     * takes {@code client_id} and {@code logout_uri}, so the portal names it itself.
     */
    public String openIdConfiguration(CognitoEndpoints endpoints) {
        return new JsonObject()
                .put("issuer", issuer)
                .put("authorization_endpoint", endpoints.authorize().toString())
                .put("token_endpoint", endpoints.token().toString())
                .put("revocation_endpoint", endpoints.revoke().toString())
                .put("jwks_uri", endpoints.jwks().toString())
                .put("response_types_supported", new JsonArray().add("code").add("token"))
                .put("scopes_supported", new JsonArray().add("openid").add("email").add("profile"))
                .put("subject_types_supported", new JsonArray().add("public"))
                .put("id_token_signing_alg_values_supported", new JsonArray().add(AlgorithmIdentifiers.RSA_USING_SHA256))
                .put("token_endpoint_auth_methods_supported", new JsonArray().add("client_secret_basic").add("client_secret_post"))
                .encode();
    }

    /** A sign-in happening now. */
    Authentication authenticate() {
        return Authentication.startedAt(clock.instant());
    }

    /** The implicit grant's tokens: a sign-in and its tokens at once. */
    SignedInTokens signIn(LocalUser user, String scope, String nonce) {
        return tokens(user, scope, nonce, authenticate());
    }

    /**
     * Tokens issued now for {@code authentication}: at the code's redemption, and at each refresh (no nonce then: no
     * sign-in asked for one), as Cognito issues them — {@code iat} and {@code exp} new, {@code auth_time} and
     * {@code origin_jti} the sign-in's.
     */
    SignedInTokens tokens(LocalUser user, String scope, String nonce, Authentication authentication) {
        Instant now = clock.instant();
        return new SignedInTokens(idToken(user, clientId, nonce, authentication, now),
                accessToken(user, scope, authentication, now), TOKEN_LIFETIME);
    }

    /** An id token signed with the pool's key for any audience and auth time (tests mint foreign and expired ones). */
    public String idToken(LocalUser user, String audience, String nonce, Instant authTime) {
        return idToken(user, audience, nonce, Authentication.startedAt(authTime), authTime);
    }

    private String idToken(LocalUser user, String audience, String nonce, Authentication authentication, Instant issuedAt) {
        JwtClaims claims = commonClaims(user, authentication, issuedAt);
        claims.setAudience(audience);
        claims.setClaim("token_use", "id");
        claims.setClaim("cognito:username", user.username());
        claims.setClaim("name", user.name());
        claims.setClaim("email", user.email());
        claims.setClaim("email_verified", true);
        // Cognito writes the group claims only for a user in at least one group.
        if (!user.groups().isEmpty()) {
            claims.setStringListClaim("cognito:groups", user.groups());
            claims.setStringListClaim("cognito:roles", user.roles());
            user.preferredRole().ifPresent(role -> claims.setClaim("cognito:preferred_role", role));
        }
        if (nonce != null && !nonce.isEmpty()) {
            claims.setClaim("nonce", nonce);
        }
        return sign(claims);
    }

    private String accessToken(LocalUser user, String scope, Authentication authentication, Instant issuedAt) {
        JwtClaims claims = commonClaims(user, authentication, issuedAt);
        claims.setClaim("client_id", clientId);
        claims.setClaim("token_use", "access");
        claims.setClaim("scope", scope);
        claims.setClaim("username", user.username());
        return sign(claims);
    }

    private JwtClaims commonClaims(LocalUser user, Authentication authentication, Instant issuedAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user.sub());
        claims.setClaim("auth_time", authentication.at().getEpochSecond());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt.plus(TOKEN_LIFETIME).getEpochSecond()));
        // As Cognito's: each token its own id, so two sign-ins within one second never yield the same token.
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("origin_jti", authentication.originJti());
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token with the local user pool's key", e);
        }
    }
}
