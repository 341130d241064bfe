package io.parameterportal.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.parameterportal.config.PortalConfig;

/**
 * The code flow's sign-in and sign-out paths answer only requests addressed to {@code PORTAL_PUBLIC_URL}'s host:
 * quarkus-oidc builds the {@code redirect_uri} it sends to the hosted UI (and names again when it redeems the code)
 * from the request's Host, while this service promises that {@code redirect_uri} comes from {@code PORTAL_PUBLIC_URL}
 * alone. With this check the two are the same. Local mode, which answers loopback hosts only, is exempt.
 */
class PublicHostOnly {

    private final PortalConfig config;

    PublicHostOnly(PortalConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    Optional<Response> refuseOtherHosts(ContainerRequestContext request, UriInfo uri) {
        String path = uri.getPath();
        boolean signInOrOut = path.equals("/login") || path.equals("/signin") || path.equals("/logout");
        if (!config.codeFlow() || config.localMode() || !signInOrOut) {
            return Optional.empty();
        }
        URI publicUrl = config.publicUrl().orElseThrow();
        String expected = publicUrl.getPort() == -1 ? publicUrl.getHost() : publicUrl.getRawAuthority();
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host != null && host.equalsIgnoreCase(expected)) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(421, "Misdirected request", "Sign-in and sign-out are served at "
                + publicUrl + " only (PORTAL_PUBLIC_URL).").toResponse().build());
    }
}
