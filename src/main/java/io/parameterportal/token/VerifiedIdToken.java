package io.parameterportal.token;

import java.time.Instant;
import java.util.Optional;

/**
 * An id token whose signature and claims have been checked.
 *
 * @param subject the user's {@code sub}, stable per user pool
 * @param displayName the {@code name} claim, or {@code cognito:username} when the pool has no name
 * @param nonce the {@code nonce} claim, when the sign-in carried one
 * @param expiresAt the {@code exp} claim
 * @param compact the token as received, needed once more as the identity pool's login
 */
public record VerifiedIdToken(String subject, String displayName, Optional<String> nonce, Instant expiresAt,
        String compact) {

    /** Leaves the token itself out, so that a logged value never carries it. */
    @Override
    public String toString() {
        return "VerifiedIdToken[subject=" + subject + ", expiresAt=" + expiresAt + "]";
    }
}
