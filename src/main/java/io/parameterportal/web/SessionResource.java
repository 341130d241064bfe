package io.parameterportal.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.config.PortalSettings;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.ValueCache;
import io.parameterportal.token.AuthorizationCodeExchange;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/session}: the whole service in a few steps — take the id token (as posted, or redeemed
 * for the posted authorization code), verify it and pick the role ({@link Caller#identify}), read the
 * parameters with the user's credentials ({@link Caller#readAs}), answer.
 */
@Path("/api/session")
public class SessionResource {

    /** RFC 7636, section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final String FORMS = "{\"idToken\":\"<id token>\"} or {\"code\":\"<code>\",\"codeVerifier\":\"<verifier>\"}";

    private final AuthorizationCodeExchange codeExchange;
    private final HostedUiLinks links;
    private final Caller caller;
    private final ParameterReader parameters;
    private final ValueCache values;
    /** What a view reads, as its audit record names it: the tutorial's parameter and the configured paths. */
    private final List<String> viewed;

    SessionResource(AuthorizationCodeExchange codeExchange, HostedUiLinks links, Caller caller, ParameterReader parameters,
            ValueCache values, PortalSettings settings) {
        this.codeExchange = codeExchange;
        this.links = links;
        this.caller = caller;
        this.parameters = parameters;
        this.values = values;
        this.viewed = Stream.concat(Stream.of(settings.parameterName()), settings.parameterPaths().stream()).toList();
    }

    /** Takes any content type: a body that is not JSON deserves a 400 that says so, not a 415. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> open(String body, @Context UriInfo uri, RoutingContext http) {
        SessionRequest request = caller.parse(body, SessionRequest.class, FORMS);
        requireOneSignIn(request);
        String requestId = RequestId.of(http);
        return caller.identify(request, idTokenOf(request, uri))
                .flatMap(user -> caller.audited(
                        values.get(user.token(), user.role().requested(), () -> caller.readAs(user, parameters::readAll)),
                        user, AuditLog.Event.VIEW, viewed, Optional.empty(), requestId)
                        .map(view -> new SessionView(user.name(), view.parameter(), user.role().shown().orElse(null),
                                user.token().roles(), user.token().expiresAt(), view.paths())));
    }

    /**
     * The id token as posted (implicit flow), or as the token endpoint issues it for the posted code (code
     * flow), redeemed with the same {@code redirect_uri} the Sign In link named.
     */
    private Uni<String> idTokenOf(SessionRequest request, UriInfo uri) {
        if (request.code() == null) {
            return Uni.createFrom().item(request.idToken());
        }
        return codeExchange.idTokenFor(request.code(), request.codeVerifier(), links.signInRedirect(uri.getBaseUri()));
    }

    /** Exactly one of the two forms, and a code only with a well-formed verifier: anything else is the page's mistake. */
    private static void requireOneSignIn(SessionRequest request) {
        boolean token = request.idToken() != null;
        boolean code = request.code() != null;
        if (token && code) {
            throw new UnreadableRequestException("The request carries both an id token and an authorization code; send one: " + FORMS + ".");
        }
        if (!token && !code) {
            throw new UnreadableRequestException("The request carries neither an id token nor an authorization code; send " + FORMS + ".");
        }
        if (!code && request.codeVerifier() != null) {
            throw new UnreadableRequestException("A codeVerifier goes with an authorization code (\"code\"), not with an id token.");
        }
        if (code && request.code().isBlank()) {
            throw new UnreadableRequestException("The authorization code is empty; sign in again.");
        }
        if (code && request.codeVerifier() == null) {
            throw new UnreadableRequestException("An authorization code needs the PKCE verifier its sign-in was started with: "
                    + "send \"codeVerifier\" beside \"code\".");
        }
        if (code && !CODE_VERIFIER.matcher(request.codeVerifier()).matches()) {
            throw new UnreadableRequestException("The codeVerifier must be 43 to 128 characters of A-Z, a-z, 0-9, "
                    + "\"-\", \".\", \"_\" and \"~\" (RFC 7636).");
        }
    }
}
