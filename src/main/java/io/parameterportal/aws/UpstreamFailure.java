package io.parameterportal.aws;

import java.util.Optional;

/**
 * An AWS call on the user's behalf ended in an answer the user must see: denied, missing,
 * throttled, failed or too slow. Carries the HTTP status the portal answers with and, once the
 * token was verified, the user's name, so that the answer can still greet them.
 *
 * @param retryAfterSeconds present for throttling, sent as {@code Retry-After}
 */
public class UpstreamFailure extends RuntimeException {

    private final int status;
    private final String title;
    private final Optional<Integer> retryAfterSeconds;
    private final boolean credentialsRejected;
    private final Optional<String> userName;

    UpstreamFailure(int status, String title, String detail, Optional<Integer> retryAfterSeconds, boolean credentialsRejected,
            Throwable cause) {
        this(status, title, detail, retryAfterSeconds, credentialsRejected, Optional.empty(), cause);
    }

    private UpstreamFailure(int status, String title, String detail, Optional<Integer> retryAfterSeconds,
            boolean credentialsRejected, Optional<String> userName, Throwable cause) {
        // No stack trace: the failure is an answer, not a bug; its cause is kept for the one-line log.
        super(detail, cause, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
        this.credentialsRejected = credentialsRejected;
        this.userName = userName;
    }

    /** The same failure, for a user whose token passed: the answer names them. */
    public UpstreamFailure naming(String user) {
        return new UpstreamFailure(status, title, getMessage(), retryAfterSeconds, credentialsRejected, Optional.of(user),
                getCause());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Optional<Integer> retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether AWS refused the credentials themselves (revoked, or expired early), which fresh ones would cure. */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }

    public Optional<String> userName() {
        return userName;
    }
}
