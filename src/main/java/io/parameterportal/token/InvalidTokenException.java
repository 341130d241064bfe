package io.parameterportal.token;

/** The id token was refused; the message says why in a sentence a person can act on, never echoing the token. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
