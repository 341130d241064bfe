package io.parameterportal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The three pages of the tutorial. The sign-in result is filled in by {@code /js/signin.js}; its header signs out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String signInUrl, String signOutUrl);

        static native TemplateInstance signin(String signOutUrl);

        static native TemplateInstance signout(String homeUrl);
    }

    private final HostedUiLinks links;

    PageResource(HostedUiLinks links) {
        this.links = links;
    }

    @GET
    public TemplateInstance index(@Context UriInfo uri) {
        return Templates.index(links.signIn(uri.getBaseUri()).toString(), links.signOut(uri.getBaseUri()).toString());
    }

    @GET
    @Path("signin")
    public TemplateInstance signin(@Context UriInfo uri) {
        return Templates.signin(links.signOut(uri.getBaseUri()).toString());
    }

    @GET
    @Path("signout")
    public TemplateInstance signout() {
        return Templates.signout("/");
    }
}
