package io.parameterportal.session;

import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.VerifiedIdToken;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The signed-in user of a code-flow request, as quarkus-oidc reads (and, near its expiry, refreshes) the session
 * cookie. Gives the id token as the service's own verifier judged it, so that the API runs the same steps as in the
 * implicit flow — credentials bound to the token's digest — and a refreshed token is traded again. Asked only when
 * the request needs it (authentication is not proactive), and never turned into a redirect: no usable session is a
 * {@link SessionEndedException}.
 */
@Singleton
public class CodeFlowSession {

    private static final Logger LOG = Logger.getLogger(CodeFlowSession.class);

    private final CurrentIdentityAssociation identity;
    private final Function<String, Uni<VerifiedIdToken>> verify;

    @Inject
    CodeFlowSession(CurrentIdentityAssociation identity, IdTokenVerifier verifier) {
        this(identity, verifier::verify);
    }

    CodeFlowSession(CurrentIdentityAssociation identity, Function<String, Uni<VerifiedIdToken>> verify) {
        this.identity = identity;
        this.verify = verify;
    }

    /**
     * The session's id token, verified: the verdict {@link SessionApiIdentity} reached for this request, or (when
     * quarkus-oidc made the identity, e.g. after a refresh) the verifier's now. Fails with
     * {@link SessionEndedException} when there is no usable session, or as the verifier does.
     */
    public Uni<VerifiedIdToken> verifiedIdToken() {
        return signedIn()
                // Only the session's failures end it; the verifier's (a refused token, keys unavailable) are its own.
                .onFailure(failure -> !(failure instanceof SessionEndedException)).transform(failure -> {
                    // quarkus-oidc has cleared the cookie; only the failure's class is named, its message may quote a token.
                    LOG.debugf("session ended: %s", failure.getClass().getSimpleName());
                    return new SessionEndedException("Your session ended (it expired or was signed out); sign in again.");
                })
                .flatMap(user -> {
                    VerifiedIdToken vouched = user.getAttribute(SessionApiIdentity.VERDICT);
                    return vouched != null ? Uni.createFrom().item(vouched)
                            : verify.apply(user.getCredential(IdTokenCredential.class).getToken());
                });
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
