package io.parameterportal.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.identity.IdentityCredentials;
import io.parameterportal.identity.RoleChoice;
import io.parameterportal.identity.UserCredentials;
import io.parameterportal.token.IdTokenVerifier;
import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;

/**
 * The step every API endpoint takes before it reads anything, in two parts a resource calls in turn:
 * <ol>
 * <li>{@link #identify}: the body's id token, verified, its nonce checked, and the role chosen → a
 * {@link SignedInUser} (or 400/401/403 before any AWS call);</li>
 * <li>{@link #readAs}: that user's identity-pool credentials in that role, handed to a read.</li>
 * </ol>
 * {@link #audited} writes the audit record of how the read ended.
 * The id token's source is {@link #idTokenOf}: the body today; a session is another source of the same.
 */
@ApplicationScoped
class Caller {

    private final IdTokenVerifier verifier;
    private final IdentityCredentials identityPool;
    private final ObjectMapper json;
    private final AuditLog audit;

    Caller(IdTokenVerifier verifier, IdentityCredentials identityPool, ObjectMapper json, AuditLog audit) {
        this.verifier = verifier;
        this.identityPool = identityPool;
        this.json = json;
        this.audit = audit;
    }

    /**
     * The body as {@code type}; a 400 naming {@code form} when it is empty or not such a JSON object.
     * The resource checks the members' values.
     */
    <R> R parse(String body, Class<R> type, String form) {
        if (body == null || body.isBlank()) {
            throw new UnreadableRequestException("The request body is empty; send " + form + ".");
        }
        R request;
        try {
            request = json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableRequestException("The request body is not a JSON object of the form " + form + ".");
        }
        if (request == null) {
            throw new UnreadableRequestException("The request body is null; send " + form + ".");
        }
        return request;
    }

    /** Who asks, by the id token the request carries: see {@link #identify(SignedRequest, Uni)}. */
    Uni<SignedInUser> identify(SignedRequest request) {
        return identify(request, idTokenOf(request));
    }

    /**
     * Verifies {@code idToken}, checks that it was issued for the sign-in of the posted nonce (when one is
     * posted) and picks the role: fails with {@link InvalidTokenException} (401) or
     * {@link io.parameterportal.identity.RoleNotAllowedException} (403), no AWS call made.
     */
    Uni<SignedInUser> identify(SignedRequest request, Uni<String> idToken) {
        return idToken.flatMap(verifier::verify)
                .invoke(user -> requireNonce(user, request.nonce()))
                .map(user -> new SignedInUser(user, RoleChoice.of(user, request.role())));
    }

    /**
     * Runs {@code read} with the user's credentials in their role (cached for the token's repeat requests).
     * Should AWS refuse cached credentials as such (revoked, expired early), they are traded again once.
     * An AWS failure names the user, so that the answer can still greet them.
     */
    <T> Uni<T> readAs(SignedInUser user, Function<UserCredentials, Uni<T>> read) {
        VerifiedIdToken token = user.token();
        Optional<String> role = user.role().requested();
        return identityPool.forToken(token, role).flatMap(credentials -> read.apply(credentials)
                        .onFailure(Caller::credentialsRejected).recoverWithUni(rejection -> {
                            identityPool.forget(token, role, credentials);
                            return identityPool.forToken(token, role).flatMap(fresh -> read.apply(fresh));
                        }))
                .onFailure(UpstreamFailure.class)
                .transform(failure -> ((UpstreamFailure) failure).naming(user.name()));
    }

    /**
     * {@code read}, with the audit record of how it ended: allowed, or denied (403), missing (404) or failed
     * (anything else AWS did).
     */
    <T> Uni<T> audited(Uni<T> read, SignedInUser user, AuditLog.Event event, List<String> names, Optional<Long> version,
            String requestId) {
        return read.invoke(done -> audit(user, event, AuditLog.Outcome.ALLOWED, names, version, requestId))
                .onFailure().invoke(failure -> audit(user, event, outcomeOf(failure), names, version, requestId));
    }

    private void audit(SignedInUser user, AuditLog.Event event, AuditLog.Outcome outcome, List<String> names,
            Optional<Long> version, String requestId) {
        audit.write(new AuditLog.Entry(event, outcome, user.name(), user.token().subject(), user.role().shown(), names, version,
                requestId));
    }

    private static AuditLog.Outcome outcomeOf(Throwable failure) {
        if (failure instanceof UpstreamFailure upstream) {
            return switch (upstream.answer().status()) {
                case 403 -> AuditLog.Outcome.DENIED;
                case 404 -> AuditLog.Outcome.MISSING;
                default -> AuditLog.Outcome.FAILED;
            };
        }
        return AuditLog.Outcome.FAILED;
    }

    /** The id token as the body carries it (implicit flow); the request must carry one. */
    private static Uni<String> idTokenOf(SignedRequest request) {
        if (request.idToken() == null) {
            return Uni.createFrom().failure(new UnreadableRequestException(
                    "The request carries no id token; send \"idToken\" with the token of your sign-in."));
        }
        return Uni.createFrom().item(request.idToken());
    }

    private static boolean credentialsRejected(Throwable failure) {
        return failure instanceof UpstreamFailure upstream && upstream.credentialsRejected();
    }

    private static void requireNonce(VerifiedIdToken user, String postedNonce) {
        if (postedNonce != null && !user.nonce().map(postedNonce::equals).orElse(false)) {
            throw new InvalidTokenException(TokenRejection.NONCE_MISMATCH,
                    "The id token was not issued for this sign-in: its nonce does not match.");
        }
    }
}
