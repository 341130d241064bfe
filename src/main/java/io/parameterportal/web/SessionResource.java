package io.parameterportal.web;

import java.util.Optional;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.config.PortalSettings;
import io.parameterportal.identity.IdentityCredentials;
import io.parameterportal.identity.RoleChoice;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.ParameterView;
import io.parameterportal.parameter.ValueCache;
import io.parameterportal.session.CodeFlowSession;
import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/session}: the whole service in a few steps — take the id token (as posted in the implicit flow,
 * from the session cookie in the code flow), verify it, trade it for the user's credentials (in the role asked
 * for), read the parameters with them, answer.
 */
@Path("/api/session")
public class SessionResource {

    private static final String IMPLICIT_FORM = "{\"idToken\":\"<id token>\",\"nonce\":\"<nonce>\"} (optionally with \"role\")";
    private static final String CODE_FORM = "{} or {\"role\":\"<role arn>\"} with the session cookie";

    private final PortalSettings settings;
    private final CodeFlowSession session;
    private final IdTokenVerifier verifier;
    private final IdentityCredentials identityPool;
    private final ParameterReader parameters;
    private final ValueCache values;
    private final ObjectMapper json;

    SessionResource(PortalSettings settings, CodeFlowSession session, IdTokenVerifier verifier,
            IdentityCredentials identityPool, ParameterReader parameters, ValueCache values, ObjectMapper json) {
        this.settings = settings;
        this.session = session;
        this.verifier = verifier;
        this.identityPool = identityPool;
        this.parameters = parameters;
        this.values = values;
        this.json = json;
    }

    /** Takes any content type: a body that is not JSON deserves a 400 that says so, not a 415. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> open(String body) {
        SessionRequest request = parse(body);
        return idTokenOf(request)
                .flatMap(verifier::verify)
                .invoke(user -> requireNonce(user, request))
                .flatMap(user -> {
                    RoleChoice role = RoleChoice.of(user, request.role());
                    return values.get(user, role.requested(), () -> readAsUser(user, role.requested()))
                            .map(view -> new SessionView(user.displayName(), view.parameter(), role.shown().orElse(null),
                                    user.roles(), view.paths()))
                            .onFailure(UpstreamFailure.class)
                            .transform(failure -> ((UpstreamFailure) failure).naming(user.displayName()));
                });
    }

    /**
     * The id token as posted (implicit flow), or the session's (code flow: quarkus-oidc read the cookie and refreshed
     * the token when it was near its expiry; no session is a 401).
     */
    private Uni<String> idTokenOf(SessionRequest request) {
        return settings.codeFlow() ? session.idToken() : Uni.createFrom().item(request.idToken());
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
        String form = settings.codeFlow() ? CODE_FORM : IMPLICIT_FORM;
        if (body == null || body.isBlank()) {
            throw new UnreadableRequestException("The request body is empty; send " + form + ".");
        }
        SessionRequest request;
        try {
            request = json.readerFor(SessionRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (JsonProcessingException e) {
            // Unknown members included: an authorization code ({"code", "codeVerifier"}) is redeemed by the service's
            // OAuth client at /signin, never taken from a body.
            throw new UnreadableRequestException("The request body is not a JSON object of the form " + form + ".");
        }
        if (request == null) {
            throw new UnreadableRequestException("The request body is null; send " + form + ".");
        }
        if (settings.codeFlow() && (request.idToken() != null || request.nonce() != null)) {
            throw new UnreadableRequestException("This portal signs in with the code flow: the session cookie carries the "
                    + "sign-in, so send " + CODE_FORM + ", no id token.");
        }
        if (!settings.codeFlow() && request.idToken() == null) {
            throw new UnreadableRequestException("The request carries no id token; send " + IMPLICIT_FORM + ".");
        }
        return request;
    }

    /**
     * Implicit flow: a token issued for a sign-in with a nonce (every hosted-UI sign-in) is accepted only with that
     * nonce, so a replayed or injected token cannot skip the check; a token without the claim (an API-flow token) is
     * judged without it. The code flow's nonce was checked by quarkus-oidc when the code was redeemed.
     */
    private void requireNonce(VerifiedIdToken user, SessionRequest request) {
        if (settings.codeFlow()) {
            return;
        }
        if (request.nonce() == null) {
            if (user.nonce().isPresent()) {
                throw new UnreadableRequestException("This id token was issued for a sign-in with a nonce: send the "
                        + "nonce the sign-in started with beside it, as \"nonce\".");
            }
            return;
        }
        if (!user.nonce().map(request.nonce()::equals).orElse(false)) {
            throw new InvalidTokenException(TokenRejection.NONCE_MISMATCH,
                    "The id token was not issued for this sign-in: its nonce does not match.");
        }
    }
}
