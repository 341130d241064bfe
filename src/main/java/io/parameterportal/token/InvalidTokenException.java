package io.parameterportal.token;

/**
 * The id token was refused: a {@link TokenRejection} for code and its sentence for a person.
 * Never carries the library's exception or message, which may quote the token; never echoes it.
 */
public class InvalidTokenException extends RuntimeException {

    private final TokenRejection reason;

    public InvalidTokenException(TokenRejection reason) {
        this(reason, null);
    }

    /** @param fact what the rejection's sentence names (a time, the expected issuer or client), if it names one */
    public InvalidTokenException(TokenRejection reason, String fact) {
        super(reason.sentence(fact), null, false, false);
        this.reason = reason;
    }

    public TokenRejection reason() {
        return reason;
    }
}
