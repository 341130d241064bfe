package io.parameterportal.web;

import java.util.Optional;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.identity.IdentityCredentials;
import io.parameterportal.identity.RoleChoice;
import io.parameterportal.parameter.ParameterReader;
import io.parameterportal.parameter.ParameterView;
import io.parameterportal.parameter.ValueCache;
import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/session}: the whole service in four steps — verify the id token, trade it for
 * the user's credentials (in the role asked for), read the parameters with them, answer.
 */
@Path("/api/session")
public class SessionResource {

    private final IdTokenVerifier verifier;
    private final IdentityCredentials identityPool;
    private final ParameterReader parameters;
    private final ValueCache values;
    private final ObjectMapper json;

    SessionResource(IdTokenVerifier verifier, IdentityCredentials identityPool, ParameterReader parameters, ValueCache values,
            ObjectMapper json) {
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
        return verifier.verify(request.idToken())
                .invoke(user -> requireNonce(user, request.nonce()))
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
            throw new UnreadableRequestException("The request body is empty; send {\"idToken\":\"<id token>\"}.");
        }
        try {
            SessionRequest request = json.readValue(body, SessionRequest.class);
            if (request == null) {
                throw new UnreadableRequestException("The request body is null; send {\"idToken\":\"<id token>\"}.");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new UnreadableRequestException("The request body is not a JSON object of the form {\"idToken\":\"<id token>\"}.");
        }
    }

    private static void requireNonce(VerifiedIdToken user, String postedNonce) {
        if (postedNonce != null && !user.nonce().map(postedNonce::equals).orElse(false)) {
            throw new InvalidTokenException(TokenRejection.NONCE_MISMATCH,
                    "The id token was not issued for this sign-in: its nonce does not match.");
        }
    }
}
