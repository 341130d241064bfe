package io.parameterportal.web;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.parameterportal.config.PortalConfig;

/**
 * The code flow's request checks, made before any resource runs (and so before the session cookie is read): sign-in
 * and sign-out only at the public host ({@link PublicHostOnly}), API posts only from the portal's own pages
 * ({@link SameOriginPosts}). Here only what they need is read from the request; the decisions are theirs.
 */
class CodeFlowRequestChecks {

    private final PortalConfig config;

    CodeFlowRequestChecks(PortalConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    Optional<Response> refuseOtherHosts(ContainerRequestContext request, UriInfo uri) {
        if (!config.codeFlow() || config.localMode()) {
            return Optional.empty();
        }
        return PublicHostOnly.refusal(uri.getPath(), request.getHeaderString(HttpHeaders.HOST), config.publicUrl().orElseThrow())
                .map(problem -> problem.toResponse().build());
    }

    @ServerRequestFilter
    Optional<Response> refuseCrossSitePosts(ContainerRequestContext request, UriInfo uri) {
        if (!config.codeFlow() || !SameOriginPosts.judges(request.getMethod(), uri.getPath())) {
            return Optional.empty();
        }
        return SameOriginPosts.refusal(request.getMediaType(),
                request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                config.publicUrl().orElseGet(uri::getBaseUri))
                .map(problem -> problem.toResponse().header(HttpHeaders.VARY, "Origin").build());
    }
}
