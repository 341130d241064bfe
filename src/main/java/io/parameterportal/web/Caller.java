package io.parameterportal.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.parameterportal.audit.AuditLog;
import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.identity.IdentityCredentials;
import io.parameterportal.identity.RoleChoice;
import io.parameterportal.identity.UserCredentials;
import io.parameterportal.session.CodeFlowSession;
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
 * The id token's source is {@link #verifiedTokenOf}: the body in the implicit flow, the session (the cookie quarkus-oidc
 * reads and refreshes) in the code flow; everything after it is the same, so a refreshed token is traded again.
 */
@Singleton
class Caller {

    private final PortalConfig config;
    private final CodeFlowSession session;
    private final IdTokenVerifier verifier;
    private final IdentityCredentials identityPool;
    private final ObjectReader json;
    private final AuditLog audit;

    Caller(PortalConfig config, CodeFlowSession session, IdTokenVerifier verifier, IdentityCredentials identityPool,
            ObjectMapper json, AuditLog audit) {
        this.config = config;
        this.session = session;
        this.verifier = verifier;
        this.identityPool = identityPool;
        // Members a body's type does not name are refused, not skipped: a removed form (the browser-side code
        // exchange's {"code", "codeVerifier"}) gets a 400 rather than being read as something else.
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
            request = json.forType(type).readValue(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableRequestException("The request body is not a JSON object of the form " + form + ".");
        }
        if (request == null) {
            throw new UnreadableRequestException("The request body is null; send " + form + ".");
        }
        return request;
    }

    /**
     * Who asks: the request's id token ({@link #verifiedTokenOf}) verified, checked against the sign-in's nonce (implicit
     * flow) and the role picked. Fails with {@link UnreadableRequestException} (400),
     * {@link io.parameterportal.session.SessionEndedException} or {@link InvalidTokenException} (401), or
     * {@link io.parameterportal.identity.RoleNotAllowedException} (403), no AWS call made.
     */
    Uni<SignedInUser> identify(SignedRequest request) {
        return verifiedTokenOf(request)
                .invoke(user -> requireNonce(user, request))
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
     * {@code read}, with the audit record of how it ended: allowed, or denied, missing or failed (anything else AWS
     * did).
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
            return switch (upstream.kind()) {
                case DENIED, DECRYPTION_DENIED -> AuditLog.Outcome.DENIED;
                case NOT_FOUND, VERSION_NOT_FOUND -> AuditLog.Outcome.MISSING;
                case THROTTLED, TIMED_OUT, CREDENTIALS_REJECTED, FAILED -> AuditLog.Outcome.FAILED;
            };
        }
        return AuditLog.Outcome.FAILED;
    }

    /**
     * The id token as the body carries it (implicit flow), or the session's (code flow: quarkus-oidc read the cookie
     * and refreshed the token near its expiry; no usable session is a 401, never a redirect), verified.
     */
    private Uni<VerifiedIdToken> verifiedTokenOf(SignedRequest request) {
        if (config.codeFlow()) {
            if (request.idToken() != null || request.nonce() != null) {
                return Uni.createFrom().failure(new UnreadableRequestException("This portal signs in with the code flow: "
                        + "the session cookie carries the sign-in, so send no \"idToken\" or \"nonce\"."));
            }
            return session.verifiedIdToken();
        }
        if (request.idToken() == null) {
            return Uni.createFrom().failure(new UnreadableRequestException(
                    "The request carries no id token; send \"idToken\" with the token of your sign-in."));
        }
        return verifier.verify(request.idToken());
    }

    private static boolean credentialsRejected(Throwable failure) {
        return failure instanceof UpstreamFailure upstream && upstream.kind() == UpstreamFailure.Kind.CREDENTIALS_REJECTED;
    }

    /**
     * Implicit flow: a token issued for a sign-in with a nonce (every hosted-UI sign-in) is accepted only with that
     * nonce, so a replayed or injected token cannot skip the check; a token without the claim (an API-flow token) is
     * judged without it. The code flow's nonce was checked by quarkus-oidc when it redeemed the code.
     */
    private void requireNonce(VerifiedIdToken user, SignedRequest request) {
        if (config.codeFlow()) {
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
            throw new InvalidTokenException(TokenRejection.NONCE_MISMATCH);
        }
    }
}
