package io.parameterportal.session;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.identity.IdentityCredentials;
import io.parameterportal.token.VerifiedTokens;
import io.parameterportal.web.HostedUiLinks;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcProviderClient;
import io.quarkus.oidc.OidcSession;
import io.quarkus.oidc.RefreshToken;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign In and Sign out of the code flow, paths of this service (the implicit flow has neither: its links go to the
 * hosted UI directly, so both answer 404 there).
 *
 * <ul>
 * <li>{@code GET /login}: without a session, quarkus-oidc's challenge — a redirect to the hosted UI's
 * {@code /oauth2/authorize?response_type=code} with PKCE S256, state and nonce kept in its encrypted state cookie;
 * with one, straight to {@code /signin}.</li>
 * <li>{@code GET /logout}: ends the session here and at the user pool — the session cookie is cleared, the refresh
 * token revoked at {@code /oauth2/revoke} (RFC 7009, so a copy of the cookie cannot be refreshed), the credentials
 * traded for the id token dropped — then on to the hosted UI's {@code /logout}, which ends its own session and sends
 * the browser to {@code /signout}. Without a session only the last step is left.</li>
 * </ul>
 */
@Path("/")
public class CodeFlowResource {

    private static final Logger LOG = Logger.getLogger(CodeFlowResource.class);

    private final PortalConfig config;
    private final CodeFlowSession session;
    private final OidcSession oidcSession;
    private final IdentityCredentials identityPool;
    private final HostedUiLinks links;
    private final SessionAudit audit;

    CodeFlowResource(PortalConfig config, CodeFlowSession session, OidcSession oidcSession,
            IdentityCredentials identityPool, HostedUiLinks links, SessionAudit audit) {
        this.config = config;
        this.session = session;
        this.oidcSession = oidcSession;
        this.identityPool = identityPool;
        this.links = links;
        this.audit = audit;
    }

    @GET
    @Path("login")
    public Uni<Response> login() {
        requireCodeFlow();
        return session.signedIn()
                .map(user -> Response.seeOther(URI.create(CodeFlowTenant.SIGN_IN_CALLBACK)).build())
                // No (usable) session: Quarkus answers with the tenant's challenge, the redirect to the hosted UI.
                .onFailure().transform(failure -> new UnauthorizedException());
    }

    @GET
    @Path("logout")
    public Uni<Response> logout(@Context UriInfo uri, RoutingContext http) {
        requireCodeFlow();
        Response away = Response.seeOther(links.signOut(uri.getBaseUri())).build();
        return session.signedIn()
                .invoke(user -> audit.signedOut(user, http))
                .flatMap(this::endSession)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("sign-out without a usable session: %s", failure.getClass().getSimpleName());
                    return null;
                })
                .replaceWith(away);
    }

    private Uni<Void> endSession(SecurityIdentity user) {
        IdTokenCredential idToken = user.getCredential(IdTokenCredential.class);
        RefreshToken refreshToken = user.getCredential(RefreshToken.class);
        OidcProviderClient provider = user.getAttribute(OidcProviderClient.class.getName());
        identityPool.forgetToken(VerifiedTokens.digestOf(idToken.getToken()));
        Uni<Void> revoke = refreshToken == null || refreshToken.getToken() == null || provider == null
                ? Uni.createFrom().voidItem()
                : provider.revokeRefreshToken(refreshToken.getToken())
                        .invoke(revoked -> {
                            if (!revoked) {
                                LOG.info("sign-out: the user pool did not confirm the refresh token's revocation");
                            }
                        })
                        .onFailure().invoke(failure -> LOG.infof("sign-out: revoking the refresh token failed (%s)",
                                failure.getClass().getSimpleName()))
                        .onFailure().recoverWithNull()
                        .replaceWithVoid();
        return oidcSession.logout().flatMap(cleared -> revoke);
    }

    private void requireCodeFlow() {
        if (!config.codeFlow()) {
            throw new NotFoundException();
        }
    }
}
