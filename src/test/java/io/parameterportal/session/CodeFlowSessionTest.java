package io.parameterportal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.token.VerifiedIdToken;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * What counts as a session, without an app: the identity quarkus-oidc made of the request's cookie (here given
 * directly). No usable session is a {@link SessionEndedException}, never a redirect, and never quotes what failed.
 */
class CodeFlowSessionTest {

    private static final SecurityIdentity SIGNED_IN = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ada"))
            .addCredential(new IdTokenCredential("the-id-token")).build();

    @Test
    void aSignedInUserWithAnIdTokenHasASessionAndItsToken() {
        assertThat(CodeFlowSession.isSession(SIGNED_IN)).isTrue();
        assertThat(await(sessionOf(Uni.createFrom().item(SIGNED_IN)).signedIn())).isSameAs(SIGNED_IN);
        assertThat(await(sessionOf(Uni.createFrom().item(SIGNED_IN)).verifiedIdToken()).compact()).isEqualTo("the-id-token");
    }

    @Test
    void anAnonymousRequestHasNone() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertThat(CodeFlowSession.isSession(anonymous)).isFalse();
        assertThat(CodeFlowSession.isSession(QuarkusSecurityIdentity.builder().setAnonymous(true)
                .addCredential(new IdTokenCredential("id-token")).build())).as("anonymous, whatever it carries").isFalse();

        assertThatThrownBy(() -> await(sessionOf(Uni.createFrom().item(anonymous)).verifiedIdToken()))
                .isInstanceOf(SessionEndedException.class).hasMessage("There is no session: sign in first.");
    }

    @Test
    void aSignedInIdentityWithoutAnIdTokenHasNone() {
        SecurityIdentity withoutIdToken = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ada"))
                .addCredential(new AccessTokenCredential("access-token")).build();
        assertThat(CodeFlowSession.isSession(withoutIdToken)).isFalse();
        assertThatThrownBy(() -> await(sessionOf(Uni.createFrom().item(withoutIdToken)).signedIn()))
                .isInstanceOf(SessionEndedException.class);
    }

    @Test
    void aCookieQuarkusCouldNotUseEndsTheSessionWithoutQuotingWhy() {
        // An unreadable cookie, or a refresh the user pool refused: quarkus-oidc fails the identity.
        Uni<SecurityIdentity> refused = Uni.createFrom().failure(new AuthenticationFailedException("refresh refused for eyJhbGciOi.secret"));

        assertThatThrownBy(() -> await(sessionOf(refused).verifiedIdToken()))
                .isInstanceOf(SessionEndedException.class)
                .hasMessage("Your session ended (it expired or was signed out); sign in again.")
                .hasNoCause();
    }

    @Test
    void aTokenTheVerifierRefusesIsTheVerifiersAnswerNotAnEndedSession() {
        InvalidTokenException refusal = new InvalidTokenException(TokenRejection.EXPIRED);
        CodeFlowSession session = new CodeFlowSession(associationOf(Uni.createFrom().item(SIGNED_IN)),
                compact -> Uni.createFrom().failure(refusal));

        assertThatThrownBy(() -> await(session.verifiedIdToken())).isSameAs(refusal);
    }

    @Test
    void theVerdictSessionApiIdentityReachedIsHandedOnWithoutVerifyingAgain() {
        VerifiedIdToken vouched = token("vouched-token");
        SecurityIdentity withVerdict = QuarkusSecurityIdentity.builder(SIGNED_IN).addAttribute(SessionApiIdentity.VERDICT, vouched).build();
        List<String> verified = new ArrayList<>();

        assertThat(await(sessionOf(Uni.createFrom().item(withVerdict), verified).verifiedIdToken())).isSameAs(vouched);
        assertThat(verified).as("tokens the verifier was asked about").isEmpty();
    }

    @Test
    void anIdentityQuarkusOidcMadeHasItsTokenVerified() {
        List<String> verified = new ArrayList<>();

        VerifiedIdToken token = await(sessionOf(Uni.createFrom().item(SIGNED_IN), verified).verifiedIdToken());

        assertThat(verified).containsExactly("the-id-token");
        assertThat(token.compact()).isEqualTo("the-id-token");
    }

    static VerifiedIdToken token(String compact) {
        return new VerifiedIdToken("sub-1", "ada", Optional.empty(), Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), List.of(),
                Optional.empty(), compact, "digest-of-" + compact);
    }

    private static CodeFlowSession sessionOf(Uni<SecurityIdentity> identity) {
        return sessionOf(identity, new ArrayList<>());
    }

    private static CodeFlowSession sessionOf(Uni<SecurityIdentity> identity, List<String> verified) {
        return new CodeFlowSession(associationOf(identity), compact -> {
            verified.add(compact);
            return Uni.createFrom().item(token(compact));
        });
    }

    private static CurrentIdentityAssociation associationOf(Uni<SecurityIdentity> identity) {
        return new CurrentIdentityAssociation() {
            @Override
            public Uni<SecurityIdentity> getDeferredIdentity() {
                return identity;
            }

            @Override
            public SecurityIdentity getIdentity() {
                throw new UnsupportedOperationException("the session is only read deferred");
            }

            @Override
            public void setIdentity(SecurityIdentity identity) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void setIdentity(Uni<SecurityIdentity> identity) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }
}
