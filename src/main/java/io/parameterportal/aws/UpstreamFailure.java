package io.parameterportal.aws;

import java.util.Optional;

/**
 * An AWS call on the user's behalf ended in an answer the user must see: denied, missing,
 * throttled, failed or too slow. Carries the HTTP status the portal answers with.
 *
 * @param retryAfterSeconds present for throttling, sent as {@code Retry-After}
 */
public class UpstreamFailure extends RuntimeException {

    private final int status;
    private final String title;
    private final Optional<Integer> retryAfterSeconds;

    UpstreamFailure(int status, String title, String detail, Optional<Integer> retryAfterSeconds, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
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
}
