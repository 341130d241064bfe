package io.parameterportal.local.aws;

import java.time.Instant;

/**
 * Temporary AWS credentials the local identity pool handed out for one identity, acting as one role.
 *
 * @param roleArn the IAM role whose policy judges every call signed with them
 */
record IssuedCredentials(String identityId, String roleArn, String accessKeyId, String secretKey, String sessionToken,
        Instant expiresAt) {

    /** Leaves the secret key and session token out. */
    @Override
    public String toString() {
        return "IssuedCredentials[identityId=" + identityId + ", roleArn=" + roleArn + ", accessKeyId=" + accessKeyId
                + ", expiresAt=" + expiresAt + "]";
    }
}
