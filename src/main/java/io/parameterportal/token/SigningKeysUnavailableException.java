package io.parameterportal.token;

/** The user pool's signing keys could not be fetched and none are held: no token can be judged now. */
public class SigningKeysUnavailableException extends RuntimeException {

    public SigningKeysUnavailableException(String message) {
        super(message, null, false, false);
    }
}
