package io.parameterportal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.parameterportal.config.PortalSettings;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The three pages of the tutorial. The sign-in result is filled in by {@code /js/signin.js}. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String signInUrl, String signOutUrl, boolean localMode);

        static native TemplateInstance signin(boolean localMode);

        static native TemplateInstance signout(String homeUrl, boolean localMode);
    }

    private final HostedUiLinks links;
    private final boolean localMode;

    PageResource(HostedUiLinks links, PortalSettings settings) {
        this.links = links;
        this.localMode = settings.localMode();
    }

    @GET
    public TemplateInstance index(@Context UriInfo uri) {
        return Templates.index(links.signIn(uri.getBaseUri()).toString(), links.signOut(uri.getBaseUri()).toString(),
                localMode);
    }

    @GET
    @Path("signin")
    public TemplateInstance signin() {
        return Templates.signin(localMode);
    }

    @GET
    @Path("signout")
    public TemplateInstance signout() {
        return Templates.signout("/", localMode);
    }
}
