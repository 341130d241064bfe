package io.parameterportal.token;

/**
 * Why a sign-in was refused, one value per rule, each with the sentence a person is told (as aws-jwt-verify's
 * error classes carry their messages). Callers and tests match on the value; the sentence is for people.
 * <p>
 * Declared most telling first: when a token breaks several rules, the first one declared is named (whose
 * token it is before when it expired).
 */
public enum TokenRejection {
    MISSING("No id token was sent: sign in first."),
    NOT_RS256("The token is not signed with RS256, the only algorithm Cognito uses for id tokens."),
    UNKNOWN_KEY("The token is signed with a key (kid) that the user pool does not publish."),
    MALFORMED("The id token is not a well-formed, signed JWT."),
    BAD_SIGNATURE("The token's signature does not match its content: it was altered or signed by another key."),
    WRONG_CLAIM_TYPE("The id token has a claim of the wrong type."),
    /** The fact is the issuer expected. */
    WRONG_ISSUER("The id token was not issued by this app's user pool (%s)."),
    /** The fact is the token's {@code token_use}, {@code null} when it has none. */
    NOT_AN_ID_TOKEN("The token's token_use is %1$s, expected id: send the id token, not the %1$s token.") {
        @Override
        public String sentence(String tokenUse) {
            return tokenUse == null ? "The token has no token_use claim; a Cognito id token is expected." : super.sentence(tokenUse);
        }
    },
    /** The fact is the app client expected. */
    WRONG_AUDIENCE("The id token was issued to another app client, not to %s."),
    NO_SUBJECT("The id token has no subject (sub)."),
    NO_USER_NAME("The id token names no user: it has neither name nor cognito:username."),
    NO_EXPIRY("The id token has no expiry (exp)."),
    /** The fact is the token's {@code exp}. */
    EXPIRED("The id token expired at %s: sign in again."),
    /** The fact is the token's {@code nbf}. */
    NOT_YET_VALID("The id token is not valid before %s."),
    NO_ISSUE_TIME("The id token has no issue time (iat)."),
    /** The fact is the token's {@code iat}. */
    ISSUED_IN_THE_FUTURE("The id token claims to be issued in the future, at %s."),
    /** The fact is the token's {@code iat}. */
    ISSUED_TOO_LONG_AGO("The id token was issued more than a day ago, at %s."),
    NONCE_MISMATCH("The id token was not issued for this sign-in: its nonce does not match.");

    private final String sentence;

    TokenRejection(String sentence) {
        this.sentence = sentence;
    }

    /** The sentence, with {@code fact} in its place for a rejection whose sentence names one (see each value). */
    public String sentence(String fact) {
        return String.format(sentence, fact);
    }
}
