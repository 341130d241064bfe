package io.parameterportal.token;

/**
 * The id token was refused: a {@link TokenRejection} for code and a sentence a person can act on.
 * Never carries the library's exception or message, which may quote the token; never echoes it.
 */
public class InvalidTokenException extends RuntimeException {

    private final TokenRejection reason;

    public InvalidTokenException(TokenRejection reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public TokenRejection reason() {
        return reason;
    }
}
