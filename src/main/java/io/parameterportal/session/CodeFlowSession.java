package io.parameterportal.session;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The signed-in user of a code-flow request, as quarkus-oidc reads (and, near its expiry, refreshes) the session
 * cookie. Gives the raw id token so that the API runs the same steps as in the implicit flow — the service's own
 * verifier, credentials bound to the token's digest — and a refreshed token is traded again. Asked only when the
 * request needs it (authentication is not proactive), and never turned into a redirect: no usable session is a
 * {@link SessionEndedException}.
 */
@ApplicationScoped
public class CodeFlowSession {

    private static final Logger LOG = Logger.getLogger(CodeFlowSession.class);

    private final CurrentIdentityAssociation identity;

    CodeFlowSession(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    /** The session's id token; fails with {@link SessionEndedException} when there is no usable session. */
    public Uni<String> idToken() {
        return signedIn()
                .onFailure(failure -> !(failure instanceof SessionEndedException)).transform(failure -> {
                    // quarkus-oidc has cleared the cookie; only the failure's class is named, its message may quote a token.
                    LOG.debugf("session ended: %s", failure.getClass().getSimpleName());
                    return new SessionEndedException("Your session ended (it expired or was signed out); sign in again.");
                })
                .map(user -> user.getCredential(IdTokenCredential.class).getToken());
    }

    /** The signed-in identity; fails with {@link SessionEndedException} when the request carries no session. */
    public Uni<SecurityIdentity> signedIn() {
        return identity.getDeferredIdentity().invoke(user -> {
            if (!isSession(user)) {
                throw new SessionEndedException("There is no session: sign in first.");
            }
        });
    }

    /** Whether quarkus-oidc found a session: a signed-in user, and the id token the API runs its own checks on. */
    static boolean isSession(SecurityIdentity user) {
        return !user.isAnonymous() && user.getCredential(IdTokenCredential.class) != null;
    }
}
