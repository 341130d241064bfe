package io.parameterportal.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MediaType;

/**
 * Against cross-site request forgery in the code flow, where the session cookie signs every API call in: a POST to
 * {@code /api/...} is served only as {@code application/json} (a cross-site HTML form cannot send that, and a
 * cross-origin fetch of it needs a CORS preflight this service never grants) and only from the portal's own origin,
 * as the browser reports it ({@code Sec-Fetch-Site}, {@code Origin}; browsers send at least one of them on every
 * POST). Anything else is 403 before the session is read, so no AWS call is made ({@link CodeFlowRequestChecks}
 * applies it). The implicit flow's requests carry their token in the body, which another site cannot read, so they
 * are left alone.
 */
final class SameOriginPosts {

    private SameOriginPosts() {
    }

    /** Whether a request is judged at all: the API's POSTs only. */
    static boolean judges(String method, String path) {
        return HttpMethod.POST.equals(method) && ApiPaths.isApi(path);
    }

    /**
     * Why a request {@link #judges judged} must be refused (403), or empty when it may pass.
     *
     * @param type the request's {@code Content-Type}, if any
     * @param fetchSite the request's {@code Sec-Fetch-Site}, if any
     * @param origin the request's {@code Origin}, if any
     * @param ownBase {@code PORTAL_PUBLIC_URL}; in local mode without it, the loopback base the request came to
     */
    static Optional<Problem> refusal(MediaType type, String fetchSite, String origin, URI ownBase) {
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardSubtype()) {
            return refuse("The API takes application/json only.");
        }
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return refuse("The API answers the portal's own pages only (Sec-Fetch-Site: " + shown(fetchSite) + ").");
        }
        if (origin != null && !origin.equals(ownBase.getScheme() + "://" + ownBase.getRawAuthority())) {
            return refuse("The API answers the portal's own pages only, not requests from another origin.");
        }
        return Optional.empty();
    }

    /** Sec-Fetch-Site has four values; anything else is not repeated. */
    private static String shown(String site) {
        return site.matches("[a-z-]{1,16}") ? site : "unexpected";
    }

    private static Optional<Problem> refuse(String detail) {
        return Optional.of(Problem.of(403, "Cross-site request refused", detail).withReason("CROSS_SITE"));
    }
}
