package io.parameterportal.web;

import io.parameterportal.aws.UpstreamFailure;

/** AWS said no after the token was verified: the answer still names the user. */
class SessionFailure extends RuntimeException {

    private final UpstreamFailure failure;
    private final String userName;

    SessionFailure(UpstreamFailure failure, String userName) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.userName = userName;
    }

    UpstreamFailure failure() {
        return failure;
    }

    String userName() {
        return userName;
    }
}
