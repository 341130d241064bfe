package io.parameterportal.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
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

    /** jose4j's error codes, each as the rule it breaks. */
    private static final Map<Integer, TokenRejection> JOSE4J_CODES = Map.ofEntries(
            Map.entry(ErrorCodes.SIGNATURE_MISSING, TokenRejection.NOT_RS256),
            Map.entry(ErrorCodes.JSON_INVALID, TokenRejection.MALFORMED),
            Map.entry(ErrorCodes.SIGNATURE_INVALID, TokenRejection.BAD_SIGNATURE),
            Map.entry(ErrorCodes.MALFORMED_CLAIM, TokenRejection.WRONG_CLAIM_TYPE),
            Map.entry(ErrorCodes.ISSUER_MISSING, TokenRejection.WRONG_ISSUER),
            Map.entry(ErrorCodes.ISSUER_INVALID, TokenRejection.WRONG_ISSUER),
            Map.entry(ErrorCodes.AUDIENCE_MISSING, TokenRejection.WRONG_AUDIENCE),
            Map.entry(ErrorCodes.AUDIENCE_INVALID, TokenRejection.WRONG_AUDIENCE),
            Map.entry(ErrorCodes.SUBJECT_MISSING, TokenRejection.NO_SUBJECT),
            Map.entry(ErrorCodes.EXPIRATION_MISSING, TokenRejection.NO_EXPIRY),
            Map.entry(ErrorCodes.EXPIRED, TokenRejection.EXPIRED),
            Map.entry(ErrorCodes.NOT_YET_VALID, TokenRejection.NOT_YET_VALID),
            Map.entry(ErrorCodes.ISSUED_AT_MISSING, TokenRejection.NO_ISSUE_TIME),
            Map.entry(ErrorCodes.ISSUED_AT_INVALID_FUTURE, TokenRejection.ISSUED_IN_THE_FUTURE),
            Map.entry(ErrorCodes.ISSUED_AT_INVALID_PAST, TokenRejection.ISSUED_TOO_LONG_AGO));

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
            throw new InvalidTokenException(TokenRejection.MISSING);
        }
        if (!COMPACT_JWS.matcher(compact).matches()) {
            throw new InvalidTokenException(TokenRejection.MALFORMED);
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
            throw new InvalidTokenException(TokenRejection.WRONG_CLAIM_TYPE);
        }
    }

    private VerifiedIdToken cognitoChecks(JwtClaims claims, String compact, String digest) throws MalformedClaimException {
        if (!isIdToken(claims)) {
            throw rejection(TokenRejection.NOT_AN_ID_TOKEN, claims);
        }
        String name = claims.getStringClaimValue("name");
        if (name == null || name.isBlank()) {
            name = claims.getStringClaimValue("cognito:username");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidTokenException(TokenRejection.NO_USER_NAME);
        }
        List<String> roles = claims.hasClaim("cognito:roles") ? claims.getStringListClaimValue("cognito:roles") : List.of();
        return new VerifiedIdToken(claims.getSubject(), name, Optional.ofNullable(claims.getStringClaimValue("nonce")),
                Instant.ofEpochSecond(claims.getIssuedAt().getValue()), Instant.ofEpochSecond(claims.getExpirationTime().getValue()), List.copyOf(roles),
                Optional.ofNullable(claims.getStringClaimValue("cognito:preferred_role")), compact, digest);
    }

    /** The first rule, in {@link TokenRejection}'s order, that the token breaks. */
    private InvalidTokenException explain(InvalidJwtException e) {
        List<TokenRejection> broken = new ArrayList<>();
        // jose4j looks for a key before it checks the algorithm: the algorithm is judged here from the header.
        if (causedBy(e, InvalidAlgorithmException.class) || !signedWithRs256(e.getJwtContext())) {
            broken.add(TokenRejection.NOT_RS256);
        }
        if (causedBy(e, UnresolvableKeyException.class)) {
            broken.add(TokenRejection.UNKNOWN_KEY);
        }
        e.getErrorDetails().stream().map(error -> JOSE4J_CODES.get(error.getErrorCode())).filter(Objects::nonNull)
                .forEach(broken::add);
        JwtClaims claims = Optional.ofNullable(e.getJwtContext()).map(JwtContext::getJwtClaims).orElse(null);
        // A real access token has no aud: token_use is checked here too, so its use is named, not its audience.
        if (claims != null && !isIdToken(claims)) {
            broken.add(TokenRejection.NOT_AN_ID_TOKEN);
        }
        return rejection(broken.stream().min(Comparator.naturalOrder()).orElse(TokenRejection.MALFORMED), claims);
    }

    private static boolean isIdToken(JwtClaims claims) {
        return "id".equals(claims.getClaimValue("token_use"));
    }

    private static boolean signedWithRs256(JwtContext context) {
        if (context == null || context.getJoseObjects().isEmpty()) {
            return true; // not even parsed: another sentence fits better
        }
        return AlgorithmIdentifiers.RSA_USING_SHA256.equals(context.getJoseObjects().get(0).getAlgorithmHeaderValue());
    }

    /** {@code reason}, with the fact its sentence names taken from {@code claims} (absent when unparsed) or this app. */
    private InvalidTokenException rejection(TokenRejection reason, JwtClaims claims) {
        String fact = switch (reason) {
            case WRONG_ISSUER -> issuer;
            case WRONG_AUDIENCE -> clientId;
            case NOT_AN_ID_TOKEN -> claims == null || claims.getClaimValue("token_use") == null
                    ? null : String.valueOf(claims.getClaimValue("token_use"));
            case EXPIRED -> dateOf(claims, "exp");
            case NOT_YET_VALID -> dateOf(claims, "nbf");
            case ISSUED_IN_THE_FUTURE, ISSUED_TOO_LONG_AGO -> dateOf(claims, "iat");
            default -> null;
        };
        return new InvalidTokenException(reason, fact);
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
