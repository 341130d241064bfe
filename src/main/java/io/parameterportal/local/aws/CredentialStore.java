package io.parameterportal.local.aws;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * The credentials the local identity pool issued, by access key id, so that the local SSM can check
 * the signatures made with them. Bounded, first in first out: the oldest are forgotten first. (A
 * Caffeine cache would not do: its size policy may refuse to keep a newly issued entry, and credentials
 * just handed out would then be "unknown" at once.)
 */
@ApplicationScoped
class CredentialStore {

    /** As long as Cognito's GetCredentialsForIdentity credentials live. */
    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Expired credentials are remembered a while longer, so that a late caller hears "expired", not "unknown". */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);
    private static final int MAX_ISSUED = 10_000;
    private static final char[] KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, IssuedCredentials> issued;

    CredentialStore(Clock clock) {
        this.clock = clock;
        this.issued = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, IssuedCredentials> eldest) {
                return size() > MAX_ISSUED || eldest.getValue().expiresAt().plus(KEPT_AFTER_EXPIRY).isBefore(clock.instant());
            }
        });
    }

    IssuedCredentials issue(String identityId, String roleArn) {
        return issue(identityId, roleArn, clock.instant().plus(LIFETIME));
    }

    /** Package-private so that tests can issue credentials that have already expired. */
    IssuedCredentials issue(String identityId, String roleArn, Instant expiresAt) {
        IssuedCredentials credentials = new IssuedCredentials(identityId, roleArn, accessKeyId(), randomBase64(30),
                randomBase64(96), expiresAt);
        issued.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    Optional<IssuedCredentials> find(String accessKeyId) {
        return Optional.ofNullable(issued.get(accessKeyId));
    }

    /** Temporary credentials' key ids start with ASIA, as AWS's do. */
    private String accessKeyId() {
        StringBuilder id = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            id.append(KEY_ID_ALPHABET[random.nextInt(KEY_ID_ALPHABET.length)]);
        }
        return id.toString();
    }

    private String randomBase64(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }
}
