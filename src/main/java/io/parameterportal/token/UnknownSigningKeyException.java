package io.parameterportal.token;

/** The token names a {@code kid} the keys at hand do not have: refused, unless a fresh JWKS has it. */
class UnknownSigningKeyException extends InvalidTokenException {

    UnknownSigningKeyException() {
        super("The token is signed with a key (kid) that the user pool does not publish.");
    }
}
