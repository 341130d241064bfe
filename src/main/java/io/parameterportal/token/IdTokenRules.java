package io.parameterportal.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The checks a Cognito id token must pass, in the layers of awslabs/aws-jwt-verify: the form and the
 * signature (RS256 only, key chosen by {@code kid} from the keys given), the generic JWT claims
 * ({@code exp}, {@code nbf}, {@code iat} with a small clock skew, {@code sub}), then Cognito's own
 * ({@code iss} of the pool, {@code aud} of the app client, {@code token_use} = {@code id}). jose4j does
 * the cryptography and claim parsing; this class chooses the rules and names each rejection. Plain
 * CPU work, no I/O: the caller brings the keys and the time.
 */
public final class IdTokenRules {

    /** Cognito lets id tokens live up to a day; an older {@code iat} is not a token Cognito issued for us. */
    private static final int MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;
    /** A compact JWS of base64url parts. Anything else (spaces, non-ASCII, other alphabets) is refused before parsing. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

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
    private final int skewSeconds;

    public IdTokenRules(String issuer, String clientId, Duration clockSkew) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.skewSeconds = Math.toIntExact(clockSkew.toSeconds());
    }

    /** Whether {@code compact} has the form of a signed JWT at all; the cheapest rule, checked first. */
    static void requireCompactForm(String compact) {
        if (compact == null || compact.isBlank()) {
            throw new InvalidTokenException(TokenRejection.MISSING, "No id token was sent: sign in first.");
        }
        if (!COMPACT_JWS.matcher(compact).matches()) {
            throw malformed();
        }
    }

    /**
     * @param keys the pool's keys at hand; a {@code kid} they lack is {@link TokenRejection#UNKNOWN_KEY}
     * @param now the time against which {@code exp}, {@code nbf} and {@code iat} are judged
     * @throws InvalidTokenException when the token is not a valid id token of this app's user pool and client
     */
    public VerifiedIdToken check(String compact, VerificationKeyResolver keys, Instant now) {
        requireCompactForm(compact);
        return checkSigned(compact, VerifiedTokens.digestOf(compact), keys, now);
    }

    /**
     * {@link #check} for a token whose form the caller has checked already and whose digest it has at hand
     * (the verifier, which needed both to look the token up): neither is worked out twice.
     */
    VerifiedIdToken checkSigned(String compact, String digest, VerificationKeyResolver keys, Instant now) {
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver(keys)
                    .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setIssuedAtRestrictions(skewSeconds, MAX_TOKEN_AGE_SECONDS)
                    .setAllowedClockSkewInSeconds(skewSeconds)
                    .setRequireSubject()
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(clientId)
                    .build()
                    .processToClaims(compact);
        } catch (InvalidJwtException e) {
            // Only the reason leaves this method: jose4j's messages quote the whole token.
            throw explain(e);
        }
        try {
            return cognitoChecks(claims, compact, digest);
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException(TokenRejection.WRONG_CLAIM_TYPE, "The id token has a claim of the wrong type.");
        }
    }

    private VerifiedIdToken cognitoChecks(JwtClaims claims, String compact, String digest) throws MalformedClaimException {
        Object tokenUse = claims.getClaimValue("token_use");
        if (!"id".equals(tokenUse)) {
            throw new InvalidTokenException(TokenRejection.NOT_AN_ID_TOKEN, tokenUseSentence(tokenUse));
        }
        String name = claims.getStringClaimValue("name");
        if (name == null || name.isBlank()) {
            name = claims.getStringClaimValue("cognito:username");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidTokenException(TokenRejection.NO_USER_NAME,
                    "The id token names no user: it has neither name nor cognito:username.");
        }
        List<String> roles = claims.hasClaim("cognito:roles") ? claims.getStringListClaimValue("cognito:roles") : List.of();
        return new VerifiedIdToken(claims.getSubject(), name, Optional.ofNullable(claims.getStringClaimValue("nonce")),
                Instant.ofEpochSecond(claims.getIssuedAt().getValue()), Instant.ofEpochSecond(claims.getExpirationTime().getValue()), List.copyOf(roles),
                Optional.ofNullable(claims.getStringClaimValue("cognito:preferred_role")), compact, digest);
    }

    private InvalidTokenException explain(InvalidJwtException e) {
        // jose4j looks for a key before it checks the algorithm: judge the algorithm first.
        if (causedBy(e, InvalidAlgorithmException.class) || !signedWithRs256(e.getJwtContext())) {
            return new InvalidTokenException(TokenRejection.NOT_RS256,
                    "The token is not signed with RS256, the only algorithm Cognito uses for id tokens.");
        }
        if (causedBy(e, UnresolvableKeyException.class)) {
            return new InvalidTokenException(TokenRejection.UNKNOWN_KEY,
                    "The token is signed with a key (kid) that the user pool does not publish.");
        }
        JwtClaims claims = Optional.ofNullable(e.getJwtContext()).map(JwtContext::getJwtClaims).orElse(null);
        Set<Integer> codes = e.getErrorDetails().stream().map(ErrorCodeValidator.Error::getErrorCode).collect(Collectors.toSet());
        for (int code : REASONS_IN_ORDER) {
            if (code == TOKEN_USE && claims != null && !"id".equals(claims.getClaimValue("token_use"))) {
                // A real access token has no aud: its use, not its audience, is what the caller got wrong.
                return new InvalidTokenException(TokenRejection.NOT_AN_ID_TOKEN, tokenUseSentence(claims.getClaimValue("token_use")));
            }
            if (codes.contains(code)) {
                return rejection(code, claims);
            }
        }
        return malformed();
    }

    private static InvalidTokenException malformed() {
        return new InvalidTokenException(TokenRejection.MALFORMED, "The id token is not a well-formed, signed JWT.");
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

    private InvalidTokenException rejection(int errorCode, JwtClaims claims) {
        return switch (errorCode) {
            case ErrorCodes.SIGNATURE_INVALID -> new InvalidTokenException(TokenRejection.BAD_SIGNATURE,
                    "The token's signature does not match its content: it was altered or signed by another key.");
            case ErrorCodes.SIGNATURE_MISSING -> new InvalidTokenException(TokenRejection.NOT_RS256, "The token is not signed.");
            case ErrorCodes.EXPIRED -> new InvalidTokenException(TokenRejection.EXPIRED,
                    "The id token expired at " + dateOf(claims, "exp") + ": sign in again.");
            case ErrorCodes.EXPIRATION_MISSING -> new InvalidTokenException(TokenRejection.NO_EXPIRY, "The id token has no expiry (exp).");
            case ErrorCodes.NOT_YET_VALID -> new InvalidTokenException(TokenRejection.NOT_YET_VALID,
                    "The id token is not valid before " + dateOf(claims, "nbf") + ".");
            case ErrorCodes.ISSUED_AT_MISSING -> new InvalidTokenException(TokenRejection.NO_ISSUE_TIME,
                    "The id token has no issue time (iat).");
            case ErrorCodes.ISSUED_AT_INVALID_FUTURE -> new InvalidTokenException(TokenRejection.ISSUED_IN_THE_FUTURE,
                    "The id token claims to be issued in the future, at " + dateOf(claims, "iat") + ".");
            case ErrorCodes.ISSUED_AT_INVALID_PAST -> new InvalidTokenException(TokenRejection.ISSUED_TOO_LONG_AGO,
                    "The id token was issued more than a day ago, at " + dateOf(claims, "iat") + ".");
            case ErrorCodes.ISSUER_MISSING, ErrorCodes.ISSUER_INVALID -> new InvalidTokenException(TokenRejection.WRONG_ISSUER,
                    "The id token was not issued by this app's user pool (" + issuer + ").");
            case ErrorCodes.AUDIENCE_MISSING, ErrorCodes.AUDIENCE_INVALID -> new InvalidTokenException(TokenRejection.WRONG_AUDIENCE,
                    "The id token was issued to another app client, not to " + clientId + ".");
            case ErrorCodes.SUBJECT_MISSING -> new InvalidTokenException(TokenRejection.NO_SUBJECT, "The id token has no subject (sub).");
            case ErrorCodes.MALFORMED_CLAIM -> new InvalidTokenException(TokenRejection.WRONG_CLAIM_TYPE,
                    "The id token has a claim of the wrong type.");
            case ErrorCodes.JSON_INVALID -> new InvalidTokenException(TokenRejection.MALFORMED, "The id token's payload is not a JSON object.");
            default -> malformed();
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
