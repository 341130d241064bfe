package io.parameterportal.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** What counts as a session, without an app: the identity quarkus-oidc made of the request's cookie. */
class CodeFlowSessionTest {

    @Test
    void aSignedInUserWithAnIdTokenHasASession() {
        assertThat(CodeFlowSession.isSession(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ada"))
                .addCredential(new IdTokenCredential("id-token")).build())).isTrue();
    }

    @Test
    void anAnonymousRequestHasNone() {
        assertThat(CodeFlowSession.isSession(QuarkusSecurityIdentity.builder().setAnonymous(true).build())).isFalse();
        assertThat(CodeFlowSession.isSession(QuarkusSecurityIdentity.builder().setAnonymous(true)
                .addCredential(new IdTokenCredential("id-token")).build())).as("anonymous, whatever it carries").isFalse();
    }

    @Test
    void aSignedInIdentityWithoutAnIdTokenHasNone() {
        assertThat(CodeFlowSession.isSession(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("ada"))
                .addCredential(new AccessTokenCredential("access-token")).build())).isFalse();
    }
}
