package io.parameterportal.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An id token whose signature and claims have been checked.
 *
 * @param subject the user's {@code sub}, stable per user pool
 * @param displayName the {@code name} claim, or {@code cognito:username} when the pool has no name
 * @param nonce the {@code nonce} claim, when the sign-in carried one
 * @param issuedAt the {@code iat} claim
 * @param expiresAt the {@code exp} claim
 * @param roles the IAM roles of the user's groups ({@code cognito:roles}); empty for a user in no group
 * @param preferredRole {@code cognito:preferred_role}: the role of the group with the best precedence
 * @param compact the token as received, needed once more as the identity pool's login
 * @param digest SHA-256 of the token (base64): names exactly this token, for caches, without holding it
 */
public record VerifiedIdToken(String subject, String displayName, Optional<String> nonce, Instant issuedAt, Instant expiresAt,
        List<String> roles, Optional<String> preferredRole, String compact, String digest) {

    /** Leaves the token itself out, so that a logged value never carries it. */
    @Override
    public String toString() {
        return "VerifiedIdToken[subject=" + subject + ", expiresAt=" + expiresAt + "]";
    }
}
