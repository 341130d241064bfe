package io.parameterportal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parameterportal.testing.TestClock;

class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final TestClock CLOCK = TestClock.get();

    private static SigningKeys.KeySet keys;
    private static SigningKeys.KeySet otherKeys;

    private final VerifiedTokens tokens = new VerifiedTokens(100, SKEW, CLOCK, CLOCK::nanos, new SimpleMeterRegistry());

    @BeforeAll
    static void keySets() throws JoseException {
        keys = keySet("k1");
        otherKeys = keySet("k2");
    }

    @Test
    void aKeptTokenIsKnownByItsExactTextAndCarriesItAgain() {
        VerifiedIdToken kept = token("header.payload.signature", CLOCK.instant().plusSeconds(3600));
        assertThat(tokens.keep(kept, keys)).as("keep answers the token it kept").isSameAs(kept);
        // Logged values never carry the token itself.
        assertThat(kept.toString()).contains(kept.subject()).doesNotContain("header.payload.signature");

        assertThat(tokens.lookUp("header.payload.signature", VerifiedTokens.digestOf("header.payload.signature"), keys))
                .hasValueSatisfying(known -> {
                    assertThat(known.subject()).isEqualTo("sub-1");
                    assertThat(known.nonce()).contains("n-1");
                    assertThat(known.compact()).isEqualTo("header.payload.signature");
                });
        assertThat(tokens.lookUp("header.payload.signaturf", VerifiedTokens.digestOf("header.payload.signaturf"), keys)).isEmpty();
    }

    @Test
    void aVerdictEndsWhenTheTokenExpiresBeyondTheSkew() {
        try {
            tokens.keep(token("a.b.c", CLOCK.instant().plusSeconds(60)), keys);
            assertThat(lookUp("a.b.c", keys)).isPresent();

            CLOCK.advance(Duration.ofSeconds(60).plus(SKEW).plusSeconds(1));

            assertThat(lookUp("a.b.c", keys)).isEmpty();
        } finally {
            CLOCK.reset();
        }
    }

    @Test
    void aVerdictCountsOnlyWithTheKeySetThatEarnedIt() {
        tokens.keep(token("a.b.c", CLOCK.instant().plusSeconds(3600)), keys);

        // Even a verdict written while the keys were being replaced names its own key set.
        assertThat(lookUp("a.b.c", otherKeys)).isEmpty();
        assertThat(lookUp("a.b.c", keys)).isPresent();
    }

    @Test
    void sizeZeroKeepsNothing() {
        VerifiedTokens none = new VerifiedTokens(0, SKEW, CLOCK, CLOCK::nanos, new SimpleMeterRegistry());

        none.keep(token("a.b.c", CLOCK.instant().plusSeconds(3600)), keys);

        assertThat(none.lookUp("a.b.c", VerifiedTokens.digestOf("a.b.c"), keys)).isEmpty();
    }

    @Test
    void digestsCoverEveryCharacterOfTheToken() {
        assertThat(VerifiedTokens.digestOf("a.b.\u00e9")).isNotEqualTo(VerifiedTokens.digestOf("a.b.\u00e8"));
    }

    private Optional<VerifiedIdToken> lookUp(String compact, SigningKeys.KeySet keySet) {
        return tokens.lookUp(compact, VerifiedTokens.digestOf(compact), keySet);
    }

    private static VerifiedIdToken token(String compact, Instant expiresAt) {
        return new VerifiedIdToken("sub-1", "User One", Optional.of("n-1"), expiresAt.minusSeconds(3600), expiresAt, List.of(),
                Optional.empty(), compact, VerifiedTokens.digestOf(compact));
    }

    private static SigningKeys.KeySet keySet(String keyId) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(keyId);
        return new SigningKeys.KeySet(List.of(key), Instant.now());
    }
}
