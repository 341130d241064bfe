package io.parameterportal.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.identity.RoleNotAllowedException;
import io.parameterportal.session.SessionEndedException;
import io.parameterportal.token.InvalidTokenException;
import io.parameterportal.token.SigningKeysUnavailableException;

/** Turns every failure into an RFC 9457 problem: a status, a title and a sentence for a person. */
class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final int KEYS_RETRY_AFTER_SECONDS = 5;
    /** The pause a caller throttled by AWS is asked for. */
    private static final int THROTTLED_RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    Response invalidToken(InvalidTokenException e) {
        LOG.debugf("sign-in refused: %s", e.reason());
        return Problem.of(401, "Invalid id token", e.getMessage()).withReason(e.reason().name()).toResponse().build();
    }

    @ServerExceptionMapper
    Response sessionEnded(SessionEndedException e) {
        return Problem.of(401, "Session ended", e.getMessage()).withReason("SESSION_ENDED").toResponse().build();
    }

    @ServerExceptionMapper
    Response keysUnavailable(SigningKeysUnavailableException e) {
        LOG.warnf("user pool keys unavailable: %s", e.getMessage());
        return Problem.of(503, "Sign-in keys unavailable",
                "The user pool's signing keys cannot be fetched right now, so no sign-in can be checked; try again shortly.")
                .toResponse().header(HttpHeaders.RETRY_AFTER, KEYS_RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    Response roleNotAllowed(RoleNotAllowedException e) {
        return Problem.of(403, "Role not allowed", e.getMessage()).withName(e.userName()).toResponse().build();
    }

    @ServerExceptionMapper
    Response unreadable(UnreadableRequestException e) {
        return Problem.of(400, "Unreadable request", e.getMessage()).toResponse().build();
    }

    @ServerExceptionMapper
    Response upstreamFailure(UpstreamFailure failure) {
        Problem problem = problemFor(failure.kind()).withName(failure.userName().orElse(null));
        // The AWS error's class and AWS's own message: never a token, a credential or a value.
        LOG.infof("AWS call ended with %d: %s", problem.status(), String.valueOf(failure.getCause()));
        Response.ResponseBuilder response = problem.toResponse();
        if (failure.kind() == UpstreamFailure.Kind.THROTTLED) {
            response.header(HttpHeaders.RETRY_AFTER, THROTTLED_RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** The contract's answer to each kind of AWS failure (docs/decisions/error-model.md). */
    private static Problem problemFor(UpstreamFailure.Kind kind) {
        return switch (kind) {
            case DENIED -> Problem.of(403, "Access denied",
                    "AWS denied your identity access to the parameter: your role may not read it.");
            case DECRYPTION_DENIED -> Problem.of(403, "Decryption denied",
                    "Your role may read this parameter but not decrypt it: AWS KMS refused kms:Decrypt on its key.");
            case NOT_FOUND -> Problem.of(404, "Parameter not found", "The parameter does not exist in Parameter Store.");
            case VERSION_NOT_FOUND -> Problem.of(404, "Parameter version not found",
                    "The parameter has no such version in Parameter Store (it keeps the latest 100).");
            case THROTTLED -> Problem.of(503, "AWS is throttling", "AWS is throttling requests right now; try again in a moment.");
            case TIMED_OUT -> Problem.of(504, "AWS did not answer in time", "AWS did not answer in time; try again.");
            // Credentials still refused after the one renewal (Caller) are a failure of the trade, not a denial.
            case CREDENTIALS_REJECTED, FAILED -> Problem.of(502, "AWS call failed", "The call to AWS failed; try again later.");
        };
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        return Problem.of(status, title, describe(status)).toResponse().build();
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return Problem.of(500, "Internal error", "Something went wrong on our side; it has been logged.")
                .toResponse().build();
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 413 -> "The request body is too large.";
            case 415 -> "This address does not take that media type.";
            default -> "The request could not be served.";
        };
    }
}
