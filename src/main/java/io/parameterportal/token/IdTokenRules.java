package io.parameterportal.token;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The checks a Cognito id token must pass, in the layers of awslabs/aws-jwt-verify: the signature
 * (RS256 only, key chosen by {@code kid} from the user pool's JWKS), the generic JWT claims
 * ({@code exp}, {@code nbf}, {@code iat} with a small clock skew, {@code sub}), then Cognito's
 * own ({@code iss} of the pool, {@code aud} of the app client, {@code token_use} = {@code id}).
 * jose4j does the cryptography and claim parsing; this class only chooses the rules and turns each
 * rejection into a sentence. Plain and blocking (a key fetch may happen inside): callers keep it off
 * the event loop.
 */
public final class IdTokenRules {

    /** Cognito lets id tokens live up to a day; an older {@code iat} is not a token Cognito issued for us. */
    private static final int MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

    /** Stands in the order below for the token_use check, which is this class's, not jose4j's. */
    private static final int TOKEN_USE = -1;
    /** When a token breaks several rules, the most telling reason is named: whose token it is before when it expired. */
    private static final int[] REASONS_IN_ORDER = {
        ErrorCodes.SIGNATURE_INVALID, ErrorCodes.SIGNATURE_MISSING, ErrorCodes.JSON_INVALID, ErrorCodes.MALFORMED_CLAIM,
        ErrorCodes.ISSUER_MISSING, ErrorCodes.ISSUER_INVALID, TOKEN_USE, ErrorCodes.AUDIENCE_MISSING, ErrorCodes.AUDIENCE_INVALID,
        ErrorCodes.SUBJECT_MISSING, ErrorCodes.EXPIRATION_MISSING, ErrorCodes.EXPIRED, ErrorCodes.NOT_YET_VALID,
        ErrorCodes.ISSUED_AT_MISSING, ErrorCodes.ISSUED_AT_INVALID_FUTURE, ErrorCodes.ISSUED_AT_INVALID_PAST,
    };

    private final String issuer;
    private final String clientId;
    private final JwtConsumer consumer;

    public IdTokenRules(String issuer, String clientId, Duration clockSkew, VerificationKeyResolver keys) {
        this.issuer = issuer;
        this.clientId = clientId;
        int skew = Math.toIntExact(clockSkew.toSeconds());
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(keys)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(skew, MAX_TOKEN_AGE_SECONDS)
                .setAllowedClockSkewInSeconds(skew)
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(clientId)
                .build();
    }

    /**
     * @throws InvalidTokenException when the token is not a valid id token of this app's user pool and client
     * @throws SigningKeysUnavailableException when the pool's keys could not be fetched to judge it
     */
    public VerifiedIdToken check(String compact) {
        if (compact == null || compact.isBlank()) {
            throw new InvalidTokenException("No id token was sent: sign in first.");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(compact);
        } catch (InvalidJwtException e) {
            throw explain(e);
        }
        try {
            return cognitoChecks(claims, compact);
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("The id token has a claim of the wrong type: " + e.getMessage());
        }
    }

    private VerifiedIdToken cognitoChecks(JwtClaims claims, String compact) throws MalformedClaimException {
        Object tokenUse = claims.getClaimValue("token_use");
        if (!"id".equals(tokenUse)) {
            throw new InvalidTokenException(tokenUseSentence(tokenUse));
        }
        String name = claims.getStringClaimValue("name");
        if (name == null || name.isBlank()) {
            name = claims.getStringClaimValue("cognito:username");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidTokenException("The id token names no user: it has neither name nor cognito:username.");
        }
        return new VerifiedIdToken(claims.getSubject(), name, Optional.ofNullable(claims.getStringClaimValue("nonce")),
                Instant.ofEpochSecond(claims.getExpirationTime().getValue()), compact);
    }

    private RuntimeException explain(InvalidJwtException e) {
        if (causedBy(e, IOException.class)) {
            return new SigningKeysUnavailableException("The user pool's signing keys could not be fetched.", e);
        }
        // jose4j looks for a key before it checks the algorithm: judge the algorithm first.
        if (causedBy(e, InvalidAlgorithmException.class) || !signedWithRs256(e.getJwtContext())) {
            return new InvalidTokenException("The token is not signed with RS256, the only algorithm Cognito uses for id tokens.");
        }
        if (causedBy(e, UnresolvableKeyException.class)) {
            return new UnknownSigningKeyException();
        }
        JwtClaims claims = Optional.ofNullable(e.getJwtContext()).map(JwtContext::getJwtClaims).orElse(null);
        Set<Integer> codes = e.getErrorDetails().stream().map(ErrorCodeValidator.Error::getErrorCode).collect(Collectors.toSet());
        for (int code : REASONS_IN_ORDER) {
            if (code == TOKEN_USE && claims != null && !"id".equals(claims.getClaimValue("token_use"))) {
                // A real access token has no aud: its use, not its audience, is what the caller got wrong.
                return new InvalidTokenException(tokenUseSentence(claims.getClaimValue("token_use")));
            }
            if (codes.contains(code)) {
                return new InvalidTokenException(sentenceFor(code, claims));
            }
        }
        return new InvalidTokenException("The id token is not a well-formed, signed JWT.");
    }

    private static boolean signedWithRs256(JwtContext context) {
        if (context == null || context.getJoseObjects().isEmpty()) {
            return true; // not even parsed: another sentence fits better
        }
        return AlgorithmIdentifiers.RSA_USING_SHA256.equals(context.getJoseObjects().get(0).getAlgorithmHeaderValue());
    }

    private static String tokenUseSentence(Object tokenUse) {
        return tokenUse == null
                ? "The token has no token_use claim; a Cognito id token is expected."
                : "The token's token_use is " + tokenUse + ", expected id: send the id token, not the " + tokenUse + " token.";
    }

    private String sentenceFor(int errorCode, JwtClaims claims) {
        return switch (errorCode) {
            case ErrorCodes.SIGNATURE_INVALID -> "The token's signature does not match its content: it was altered or signed by another key.";
            case ErrorCodes.SIGNATURE_MISSING -> "The token is not signed.";
            case ErrorCodes.EXPIRED -> "The id token expired at " + dateOf(claims, "exp") + ": sign in again.";
            case ErrorCodes.EXPIRATION_MISSING -> "The id token has no expiry (exp).";
            case ErrorCodes.NOT_YET_VALID -> "The id token is not valid before " + dateOf(claims, "nbf") + ".";
            case ErrorCodes.ISSUED_AT_MISSING -> "The id token has no issue time (iat).";
            case ErrorCodes.ISSUED_AT_INVALID_FUTURE -> "The id token claims to be issued in the future, at " + dateOf(claims, "iat") + ".";
            case ErrorCodes.ISSUED_AT_INVALID_PAST -> "The id token was issued more than a day ago, at " + dateOf(claims, "iat") + ".";
            case ErrorCodes.ISSUER_MISSING, ErrorCodes.ISSUER_INVALID ->
                "The id token was not issued by this app's user pool (" + issuer + ").";
            case ErrorCodes.AUDIENCE_MISSING, ErrorCodes.AUDIENCE_INVALID ->
                "The id token was issued to another app client, not to " + clientId + ".";
            case ErrorCodes.SUBJECT_MISSING -> "The id token has no subject (sub).";
            case ErrorCodes.MALFORMED_CLAIM -> "The id token has a claim of the wrong type.";
            case ErrorCodes.JSON_INVALID -> "The id token's payload is not a JSON object.";
            default -> "The id token is not valid.";
        };
    }

    private static String dateOf(JwtClaims claims, String claim) {
        try {
            Object value = claims == null ? null : claims.getClaimValue(claim);
            return value instanceof Number number ? Instant.ofEpochSecond(number.longValue()).toString() : "an unreadable time";
        } catch (RuntimeException e) {
            return "an unreadable time";
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
