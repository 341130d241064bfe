package io.parameterportal.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.parameterportal.config.PortalConfig;

/**
 * Against cross-site request forgery in the code flow, where the session cookie signs every API call in: a POST to
 * {@code /api/...} is served only as {@code application/json} (a cross-site HTML form cannot send that, and a
 * cross-origin fetch of it needs a CORS preflight this service never grants) and only from the portal's own origin,
 * as the browser reports it ({@code Sec-Fetch-Site}, {@code Origin}; browsers send at least one of them on every
 * POST). Anything else is 403 before the session is read, so no AWS call is made. The implicit flow's requests carry
 * their token in the body, which another site cannot read, so they are left alone.
 */
class SameOriginPosts {

    private final PortalConfig config;

    SameOriginPosts(PortalConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    Optional<Response> refuseCrossSitePosts(ContainerRequestContext request, UriInfo uri) {
        if (!config.codeFlow() || !HttpMethod.POST.equals(request.getMethod()) || !uri.getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardSubtype()) {
            return refuse("The API takes application/json only.");
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return refuse("The API answers the portal's own pages only (Sec-Fetch-Site: " + shown(site) + ").");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals(ownOrigin(uri))) {
            return refuse("The API answers the portal's own pages only, not requests from another origin.");
        }
        return Optional.empty();
    }

    /** {@code PORTAL_PUBLIC_URL}; in local mode without it, the loopback origin the request came to. */
    private String ownOrigin(UriInfo uri) {
        URI base = config.publicUrl().orElse(uri.getBaseUri());
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    /** Sec-Fetch-Site has four values; anything else is not repeated. */
    private static String shown(String site) {
        return site.matches("[a-z-]{1,16}") ? site : "unexpected";
    }

    private static Optional<Response> refuse(String detail) {
        return Optional.of(Problem.of(403, "Cross-site request refused", detail).withReason("CROSS_SITE")
                .toResponse().header(HttpHeaders.VARY, "Origin").build());
    }
}
