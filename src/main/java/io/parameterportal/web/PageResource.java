package io.parameterportal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.session.CodeFlowSession;
import io.parameterportal.session.SessionEndedException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;

/** The three pages of the tutorial. The sign-in result is filled in by {@code /js/signin.js}; its header signs out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String signInUrl, String signOutUrl);

        /**
         * @param signOutUrl the header's Sign out: the code flow's {@code /logout}, the implicit flow's hosted-UI {@code /logout}
         * @param flow {@code code} or {@code implicit}: how the page's script proves the sign-in to the API
         */
        static native TemplateInstance signin(String signOutUrl, String flow);

        static native TemplateInstance signout(String homeUrl);
    }

    private final HostedUiLinks links;
    private final PortalConfig config;
    private final CodeFlowSession session;

    PageResource(HostedUiLinks links, PortalConfig config, CodeFlowSession session) {
        this.links = links;
        this.config = config;
        this.session = session;
    }

    @GET
    public TemplateInstance index(@Context UriInfo uri) {
        return Templates.index(links.signIn(uri.getBaseUri()).toString(), links.signOutLink(uri.getBaseUri()).toString());
    }

    /**
     * Implicit flow: the page, whose script takes the token from the fragment. Code flow: the OAuth callback too —
     * quarkus-oidc redeems {@code ?code&state} when the session is asked for, then redirects to the bare
     * {@code /signin}; without a session the answer is the redirect to the hosted UI (a new sign-in).
     */
    @GET
    @Path("signin")
    public Uni<TemplateInstance> signin(@Context UriInfo uri) {
        String signOut = links.signOutLink(uri.getBaseUri()).toString();
        if (!config.codeFlow()) {
            return Uni.createFrom().item(Templates.signin(signOut, "implicit"));
        }
        TemplateInstance page = Templates.signin(signOut, "code");
        return session.signedIn().replaceWith(page)
                .onFailure(SessionEndedException.class).transform(noSession -> new UnauthorizedException());
    }

    @GET
    @Path("signout")
    public TemplateInstance signout() {
        return Templates.signout("/");
    }
}
