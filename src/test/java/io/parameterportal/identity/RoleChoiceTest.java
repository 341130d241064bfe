package io.parameterportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.parameterportal.token.VerifiedIdToken;

/** Which role a view runs as: one the token lists when asked for, else what the identity pool would pick by the token. */
class RoleChoiceTest {

    private static final String READER = "arn:aws:iam::123456789012:role/reader";
    private static final String OPS = "arn:aws:iam::123456789012:role/ops";

    @Test
    void aRequestedRoleTheTokenListsIsSentAndShown() {
        RoleChoice choice = RoleChoice.of(token(List.of(READER, OPS), Optional.of(READER)), OPS);

        assertThat(choice.requested()).contains(OPS);
        assertThat(choice.shown()).contains(OPS);
    }

    @Test
    void aRequestedRoleTheTokenDoesNotListIsRefusedNamingTheUser() {
        assertThatThrownBy(() -> RoleChoice.of(token(List.of(READER), Optional.of(READER)), OPS))
                .isInstanceOfSatisfying(RoleNotAllowedException.class, e -> assertThat(e.userName()).isEqualTo("Role User"))
                .hasMessageContaining(OPS);
        assertThatThrownBy(() -> RoleChoice.of(token(List.of(), Optional.empty()), OPS)).isInstanceOf(RoleNotAllowedException.class);
    }

    @Test
    void withoutARequestThePreferredRoleIsShownAndTheIdentityPoolDecides() {
        for (String notRequested : new String[] { null, "", "  " }) {
            RoleChoice choice = RoleChoice.of(token(List.of(READER, OPS), Optional.of(OPS)), notRequested);
            assertThat(choice.requested()).as("requested for %s", notRequested).isEmpty();
            assertThat(choice.shown()).contains(OPS);
        }
    }

    @Test
    void withoutAPreferredRoleTheOnlyRoleIsShown() {
        assertThat(RoleChoice.of(token(List.of(READER), Optional.empty()), null)).isEqualTo(new RoleChoice(Optional.empty(),
                Optional.of(READER)));
    }

    @Test
    void withSeveralRolesAndNonePreferredOrNoRoleAtAllNoneIsShown() {
        assertThat(RoleChoice.of(token(List.of(READER, OPS), Optional.empty()), null).shown()).isEmpty();
        assertThat(RoleChoice.of(token(List.of(), Optional.empty()), null).shown()).isEmpty();
    }

    private static VerifiedIdToken token(List<String> roles, Optional<String> preferred) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new VerifiedIdToken("sub-1", "Role User", Optional.empty(), now, now.plusSeconds(3600), roles, preferred,
                "header.payload.signature", "digest");
    }
}
