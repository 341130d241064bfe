package io.parameterportal.local.aws;

import java.time.Instant;

/** Temporary AWS credentials the local identity pool handed out for one identity. */
record IssuedCredentials(String identityId, String accessKeyId, String secretKey, String sessionToken, Instant expiresAt) {

    /** Leaves the secret key and session token out. */
    @Override
    public String toString() {
        return "IssuedCredentials[identityId=" + identityId + ", accessKeyId=" + accessKeyId + ", expiresAt=" + expiresAt + "]";
    }
}
