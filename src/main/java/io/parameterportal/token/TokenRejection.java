package io.parameterportal.token;

/**
 * Why a sign-in was refused, one value per rule, in the layers of aws-jwt-verify: the JWT's form
 * and signature, the generic claims, then Cognito's own. Callers and tests match on these; the sentence beside
 * each rejection is for people.
 */
public enum TokenRejection {
    MISSING,
    MALFORMED,
    NOT_RS256,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_ISSUER,
    NOT_AN_ID_TOKEN,
    WRONG_AUDIENCE,
    NO_SUBJECT,
    NO_USER_NAME,
    NO_EXPIRY,
    EXPIRED,
    NOT_YET_VALID,
    NO_ISSUE_TIME,
    ISSUED_IN_THE_FUTURE,
    ISSUED_TOO_LONG_AGO,
    WRONG_CLAIM_TYPE,
    NONCE_MISMATCH,
}
