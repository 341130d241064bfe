package io.parameterportal.session;

/**
 * A code-flow API call without a usable session: no session cookie, one that cannot be read (another secret, tampered),
 * or one whose refresh the user pool refused (signed out globally, disabled, token revoked). Answered with 401, never
 * with a redirect to the hosted UI: the page says "Your session ended — sign in again".
 */
public class SessionEndedException extends RuntimeException {

    public SessionEndedException(String message) {
        super(message, null, false, false);
    }
}
