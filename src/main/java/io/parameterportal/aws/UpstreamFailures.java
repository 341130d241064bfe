package io.parameterportal.aws;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;

/**
 * Sorts what the AWS SDK threw into the answers of the contract: denied 403 (by IAM, or by KMS for a
 * decryption), missing 404 (a parameter or a version of it),
 * throttled 503 with {@code Retry-After}, failed 502, too slow 504. The SDK has already retried
 * what its standard retry policy retries.
 */
public final class UpstreamFailures {

    /** The pause a throttled caller is asked for. */
    public static final int RETRY_AFTER_SECONDS = 1;
    private static final Set<String> REJECTED_CREDENTIALS = Set.of(
            "UnrecognizedClientException", "InvalidClientTokenId", "ExpiredTokenException", "ExpiredToken");

    private UpstreamFailures() {
    }

    /** Returns {@code error} unchanged when it is not an AWS failure (e.g. a token rejection, or classified already). */
    public static Throwable classify(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof UpstreamFailure) {
            return cause;
        }
        if (cause instanceof ParameterNotFoundException) {
            return new UpstreamFailure(new UpstreamFailure.Answer(404, "Parameter not found", Optional.empty()),
                    "The parameter does not exist in Parameter Store.", false, cause);
        }
        if (cause instanceof ParameterVersionNotFoundException) {
            return new UpstreamFailure(new UpstreamFailure.Answer(404, "Parameter version not found", Optional.empty()),
                    "The parameter has no such version in Parameter Store (it keeps the latest 100).", false, cause);
        }
        if (isAccessDenied(cause) && isKmsDenial((AwsServiceException) cause)) {
            return new UpstreamFailure(new UpstreamFailure.Answer(403, "Decryption denied", Optional.empty()),
                    "Your role may read this parameter but not decrypt it: AWS KMS refused kms:Decrypt on its key.", false, cause);
        }
        if (cause instanceof NotAuthorizedException || isAccessDenied(cause)) {
            return new UpstreamFailure(new UpstreamFailure.Answer(403, "Access denied", Optional.empty()),
                    "AWS denied your identity access to the parameter: your role may not read it.", credentialsRejected(cause), cause);
        }
        if (cause instanceof AwsServiceException service && service.isThrottlingException()) {
            return new UpstreamFailure(new UpstreamFailure.Answer(503, "AWS is throttling", Optional.of(RETRY_AFTER_SECONDS)),
                    "AWS is throttling requests right now; try again in a moment.", false, cause);
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException
                || cause instanceof TimeoutException) {
            return new UpstreamFailure(new UpstreamFailure.Answer(504, "AWS did not answer in time", Optional.empty()),
                    "AWS did not answer in time; try again.", false, cause);
        }
        if (cause instanceof AwsServiceException || cause instanceof SdkClientException) {
            return new UpstreamFailure(new UpstreamFailure.Answer(502, "AWS call failed", Optional.empty()),
                    "The call to AWS failed; try again later.", credentialsRejected(cause), cause);
        }
        return error;
    }

    /** Whether AWS refused the credentials themselves (revoked or expired), which fresh ones would cure. */
    private static boolean credentialsRejected(Throwable cause) {
        return cause instanceof AwsServiceException service && REJECTED_CREDENTIALS.contains(errorCode(service));
    }

    private static boolean isAccessDenied(Throwable cause) {
        return cause instanceof AwsServiceException service
                && (service.statusCode() == 403 || "AccessDeniedException".equals(errorCode(service)));
    }

    /**
     * SSM passes KMS's refusal on as its own AccessDeniedException; only the message tells it apart, naming
     * {@code kms:Decrypt} or the service {@code AWSKMS} ("User: … is not authorized to perform: kms:Decrypt …
     * (Service: AWSKMS; …)", or the older "The ciphertext refers to a customer master key … (Service: AWSKMS …)").
     */
    private static boolean isKmsDenial(AwsServiceException service) {
        String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
        return message != null && (message.contains("kms:Decrypt") || message.contains("AWSKMS"));
    }

    private static String errorCode(AwsServiceException service) {
        return service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        // The SDK wraps an attempt's failure in SdkClientException; the reason is its cause. A connection
        // pool that had none free in time ends in a TimeoutException two causes down: too slow, not failed.
        if (t instanceof SdkClientException) {
            for (Throwable cause = t.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ApiCallTimeoutException || cause instanceof TimeoutException) {
                    return cause;
                }
            }
        }
        return t;
    }
}
