package io.parameterportal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class VerifiedTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final VerifiedTokens tokens = new VerifiedTokens(100, SKEW, new SimpleMeterRegistry());

    @Test
    void aKeptTokenIsKnownByItsExactTextAndCarriesItAgain() {
        tokens.keep(token("header.payload.signature", Instant.now().plusSeconds(3600)));

        assertThat(tokens.lookUp("header.payload.signature")).hasValueSatisfying(known -> {
            assertThat(known.subject()).isEqualTo("sub-1");
            assertThat(known.nonce()).contains("n-1");
            assertThat(known.compact()).isEqualTo("header.payload.signature");
        });
        assertThat(tokens.lookUp("header.payload.signaturf")).isEmpty();
        assertThat(tokens.lookUp(null)).isEmpty();
    }

    @Test
    void aVerdictEndsWhenTheTokenExpiresBeyondTheSkew() {
        tokens.keep(token("expired.beyond.skew", Instant.now().minus(SKEW).minusSeconds(1)));

        assertThat(tokens.lookUp("expired.beyond.skew")).isEmpty();
    }

    @Test
    void forgetAllDropsEveryVerdict() {
        tokens.keep(token("a.b.c", Instant.now().plusSeconds(3600)));

        tokens.forgetAll();

        assertThat(tokens.lookUp("a.b.c")).isEmpty();
    }

    @Test
    void sizeZeroKeepsNothing() {
        VerifiedTokens none = new VerifiedTokens(0, SKEW, new SimpleMeterRegistry());

        none.keep(token("a.b.c", Instant.now().plusSeconds(3600)));

        assertThat(none.lookUp("a.b.c")).isEmpty();
    }

    private static VerifiedIdToken token(String compact, Instant expiresAt) {
        return new VerifiedIdToken("sub-1", "User One", Optional.of("n-1"), expiresAt, compact);
    }
}
