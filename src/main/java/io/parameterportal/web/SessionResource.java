package io.parameterportal.web;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.identity.IdentityCredentials;
import io.parameterportal.identity.RoleChoice;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.ParameterView;
import io.parameterportal.parameter.ValueCache;
import io.parameterportal.token.AuthorizationCodeExchange;
import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/session}: the whole service in a few steps — take the id token (as posted, or redeemed
 * for the posted authorization code), verify it, trade it for the user's credentials (in the role asked
 * for), read the parameters with them, answer.
 */
@Path("/api/session")
public class SessionResource {

    /** RFC 7636, section 4.1: 43 to 128 unreserved characters. */
    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final String FORMS = "{\"idToken\":\"<id token>\"} or {\"code\":\"<code>\",\"codeVerifier\":\"<verifier>\"}";

    private final AuthorizationCodeExchange codeExchange;
    private final HostedUiLinks links;
    private final IdTokenVerifier verifier;
    private final IdentityCredentials identityPool;
    private final ParameterReader parameters;
    private final ValueCache values;
    private final AbandonedRequests abandoned;
    private final ObjectMapper json;

    SessionResource(AuthorizationCodeExchange codeExchange, HostedUiLinks links, IdTokenVerifier verifier,
            IdentityCredentials identityPool, ParameterReader parameters, ValueCache values, AbandonedRequests abandoned,
            ObjectMapper json) {
        this.codeExchange = codeExchange;
        this.links = links;
        this.verifier = verifier;
        this.identityPool = identityPool;
        this.parameters = parameters;
        this.values = values;
        this.abandoned = abandoned;
        this.json = json;
    }

    /** Takes any content type: a body that is not JSON deserves a 400 that says so, not a 415. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> open(String body, @Context UriInfo uri) {
        SessionRequest request = parse(body);
        return idTokenOf(request, uri)
                .flatMap(verifier::verify)
                .invoke(user -> requireNonce(user, request.nonce()))
                .flatMap(user -> {
                    RoleChoice role = RoleChoice.of(user, request.role());
                    return values.get(user, role.requested(), () -> readAsUser(user, role.requested()))
                            .map(view -> new SessionView(user.displayName(), view.parameter(), role.shown().orElse(null),
                                    user.roles(), view.paths()))
                            .onFailure(UpstreamFailure.class)
                            .transform(failure -> ((UpstreamFailure) failure).naming(user.displayName()));
                })
                // Quarkus REST cancels the answer when the client closes the connection before it.
                .onCancellation().invoke(() -> abandoned.count("/api/session"));
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

    /**
     * Trades the token for the user's credentials in {@code role} (cached for its repeat views) and reads
     * with them. Should AWS refuse cached credentials as such (revoked, expired early), they are traded
     * again once.
     */
    private Uni<ParameterView> readAsUser(VerifiedIdToken user, Optional<String> role) {
        return identityPool.forToken(user, role).flatMap(credentials -> parameters.readAll(credentials)
                .onFailure(SessionResource::credentialsRejected).recoverWithUni(rejection -> {
                    identityPool.forget(user, role, credentials);
                    return identityPool.forToken(user, role).flatMap(parameters::readAll);
                }));
    }

    private static boolean credentialsRejected(Throwable failure) {
        return failure instanceof UpstreamFailure upstream && upstream.credentialsRejected();
    }

    private SessionRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw new UnreadableRequestException("The request body is empty; send " + FORMS + ".");
        }
        SessionRequest request;
        try {
            request = json.readValue(body, SessionRequest.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableRequestException("The request body is not a JSON object of the form " + FORMS + ".");
        }
        if (request == null) {
            throw new UnreadableRequestException("The request body is null; send " + FORMS + ".");
        }
        requireOneSignIn(request);
        return request;
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

    private static void requireNonce(VerifiedIdToken user, String postedNonce) {
        if (postedNonce != null && !user.nonce().map(postedNonce::equals).orElse(false)) {
            throw new InvalidTokenException(TokenRejection.NONCE_MISMATCH,
                    "The id token was not issued for this sign-in: its nonce does not match.");
        }
    }
}
