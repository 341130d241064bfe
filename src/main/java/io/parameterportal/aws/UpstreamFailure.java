package io.parameterportal.aws;

import java.util.Optional;

/**
 * An AWS call on the user's behalf ended in an answer the user must see: denied, missing,
 * throttled, failed or too slow. Carries how the portal answers and, once the token was verified,
 * the user's name, so that the answer can still greet them.
 */
public class UpstreamFailure extends RuntimeException {

    /**
     * How the portal answers it.
     *
     * @param retryAfterSeconds present for throttling, sent as {@code Retry-After}
     */
    public record Answer(int status, String title, Optional<Integer> retryAfterSeconds) {
    }

    private final Answer answer;
    private final boolean credentialsRejected;
    private final Optional<String> userName;

    UpstreamFailure(Answer answer, String detail, boolean credentialsRejected, Throwable cause) {
        this(answer, detail, credentialsRejected, Optional.empty(), cause);
    }

    private UpstreamFailure(Answer answer, String detail, boolean credentialsRejected, Optional<String> userName,
            Throwable cause) {
        // No stack trace: the failure is an answer, not a bug; its cause is kept for the one-line log.
        super(detail, cause, false, false);
        this.answer = answer;
        this.credentialsRejected = credentialsRejected;
        this.userName = userName;
    }

    /** The same failure, for a user whose token passed: the answer names them. */
    public UpstreamFailure naming(String user) {
        return new UpstreamFailure(answer, getMessage(), credentialsRejected, Optional.of(user), getCause());
    }

    public Answer answer() {
        return answer;
    }

    /** Whether AWS refused the credentials themselves (revoked, or expired early), which fresh ones would cure. */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }

    public Optional<String> userName() {
        return userName;
    }
}
