package io.parameterportal.web;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The code flow's sign-in and sign-out paths answer only requests addressed to {@code PORTAL_PUBLIC_URL}'s host:
 * quarkus-oidc builds the {@code redirect_uri} it sends to the hosted UI (and names again when it redeems the code)
 * from the request's Host, while this service promises that {@code redirect_uri} comes from {@code PORTAL_PUBLIC_URL}
 * alone. With this check the two are the same. Local mode, which answers loopback hosts only, is exempt
 * ({@link CodeFlowRequestChecks} applies it).
 */
final class PublicHostOnly {

    /** quarkus-oidc's challenge, its callback, and the sign-out that names the public URL to the hosted UI. */
    private static final Set<String> SIGN_IN_AND_OUT = Set.of("/login", "/signin", "/logout");

    private PublicHostOnly() {
    }

    /**
     * Why a request to {@code path} with this {@code Host} header must be refused (421), or empty when it may pass.
     *
     * @param publicUrl {@code PORTAL_PUBLIC_URL}; its host, with its port when it names one, is the Host expected
     */
    static Optional<Problem> refusal(String path, String host, URI publicUrl) {
        if (!SIGN_IN_AND_OUT.contains(path)) {
            return Optional.empty();
        }
        String expected = publicUrl.getPort() == -1 ? publicUrl.getHost() : publicUrl.getRawAuthority();
        if (host != null && host.equalsIgnoreCase(expected)) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(421, "Misdirected request", "Sign-in and sign-out are served at "
                + publicUrl + " only (PORTAL_PUBLIC_URL)."));
    }
}
