package io.parameterportal.aws;

import java.util.Optional;

/**
 * An AWS call on the user's behalf ended in something the user must be told: what happened, as a {@link Kind},
 * and, once the token was verified, the user's name, so that the answer can still greet them. Which HTTP answer
 * each kind gets is the web layer's choice ({@code web/ProblemMapper}), not this package's.
 */
public class UpstreamFailure extends RuntimeException {

    /** What AWS did. */
    public enum Kind {
        /** IAM or the identity pool refused this identity: its role may not do this. */
        DENIED,
        /** KMS refused {@code kms:Decrypt}: the role may read the parameter but not decrypt it. */
        DECRYPTION_DENIED,
        /** The parameter does not exist. */
        NOT_FOUND,
        /** The parameter exists, but not in the version asked for. */
        VERSION_NOT_FOUND,
        /** AWS asked the caller to slow down. */
        THROTTLED,
        /** AWS did not answer within {@code portal.upstream-timeout}. */
        TIMED_OUT,
        /** AWS refused the credentials themselves (revoked, or expired early): fresh ones would cure it. */
        CREDENTIALS_REJECTED,
        /** Any other error AWS answered, or a connection that failed. */
        FAILED,
    }

    private final Kind kind;
    private final Optional<String> userName;

    UpstreamFailure(Kind kind, Throwable cause) {
        this(kind, Optional.empty(), cause);
    }

    private UpstreamFailure(Kind kind, Optional<String> userName, Throwable cause) {
        // No stack trace: the failure is an answer, not a bug; its cause is kept for the one-line log.
        super(kind.name(), cause, false, false);
        this.kind = kind;
        this.userName = userName;
    }

    /** The same failure, for a user whose token passed: the answer names them. */
    public UpstreamFailure naming(String user) {
        return new UpstreamFailure(kind, Optional.of(user), getCause());
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> userName() {
        return userName;
    }
}
