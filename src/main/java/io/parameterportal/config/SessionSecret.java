package io.parameterportal.config;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key of the code flow's cookies ({@code PORTAL_SESSION_SECRET}): quarkus-oidc encrypts the session cookie and the
 * sign-in's state cookie with it. A type of its own so that no {@code toString} of the settings ever prints it.
 */
public final class SessionSecret {

    /** quarkus-oidc derives an AES-256 key from it; shorter secrets are guessable or padded. */
    static final int MIN_LENGTH = 32;

    private final String value;

    private SessionSecret(String value) {
        this.value = value;
    }

    static SessionSecret of(String configured) {
        String secret = configured.strip();
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("PORTAL_SESSION_SECRET must be at least " + MIN_LENGTH
                    + " characters long (it encrypts the session cookies); it has " + secret.length() + ".");
        }
        return new SessionSecret(secret);
    }

    /** Local mode's: 32 random bytes per start, so its sessions end with the process. */
    static SessionSecret random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SessionSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret itself, for quarkus-oidc's configuration only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "SessionSecret[hidden]";
    }
}
