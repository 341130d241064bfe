package io.parameterportal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each rejection carries its own sentence for a person. */
class TokenRejectionTest {

    @ParameterizedTest
    @EnumSource(TokenRejection.class)
    void everyRejectionSaysWhyInASentenceOfItsOwn(TokenRejection reason) {
        String sentence = reason.sentence("2026-12-05T12:00:00Z");

        assertThat(sentence).matches("[A-Z].*\\.").doesNotContain("%").doesNotContain("null");
        assertThat(Arrays.stream(TokenRejection.values()).filter(other -> other.sentence("2026-12-05T12:00:00Z").equals(sentence)))
                .containsExactly(reason);
    }

    @Test
    void theFactIsNamedWhereTheSentenceHasOne() {
        assertThat(TokenRejection.EXPIRED.sentence("2026-12-05T12:00:00Z"))
                .isEqualTo("The id token expired at 2026-12-05T12:00:00Z: sign in again.");
        assertThat(TokenRejection.NOT_AN_ID_TOKEN.sentence("access")).contains("token_use is access");
        assertThat(TokenRejection.NOT_AN_ID_TOKEN.sentence(null)).isEqualTo("The token has no token_use claim; a Cognito id token is expected.");
    }
}
