package io.parameterportal.identity;

import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A user's identity id and the short-lived credentials the identity pool issued for it.
 *
 * @param issuedAt when the portal received them, to know their lifetime
 */
public record UserCredentials(String identityId, AwsSessionCredentials credentials, Instant issuedAt, Instant expiresAt) {

    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Duration SHORT_LIFETIME = Duration.ofMinutes(10);

    /**
     * When to stop reusing them: the earliest of {@code maxAge} after issue, 5 minutes before they expire,
     * or halfway through their life when it is under 10 minutes (docs/decisions/per-user-credentials.md).
     */
    public Instant reuseUntil(Duration maxAge) {
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        Instant beforeExpiry = lifetime.compareTo(SHORT_LIFETIME) < 0
                ? issuedAt.plus(lifetime.dividedBy(2))
                : expiresAt.minus(REFRESH_MARGIN);
        Instant capped = issuedAt.plus(maxAge);
        return capped.isBefore(beforeExpiry) ? capped : beforeExpiry;
    }

    /** Leaves the secrets out. */
    @Override
    public String toString() {
        return "UserCredentials[identityId=" + identityId + ", expiresAt=" + expiresAt + "]";
    }
}
