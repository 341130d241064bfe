package io.parameterportal.aws;

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
 * Sorts what the AWS SDK threw into the {@link UpstreamFailure.Kind}s of the contract: denied (by IAM, or by KMS for a
 * decryption), missing (a parameter or a version of it), throttled, too slow, credentials refused, or failed. The SDK
 * has already retried what its standard retry policy retries.
 */
public final class UpstreamFailures {

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
        UpstreamFailure.Kind kind = kindOf(cause);
        return kind == null ? error : new UpstreamFailure(kind, cause);
    }

    /** {@code null} when {@code cause} is not an AWS failure. */
    private static UpstreamFailure.Kind kindOf(Throwable cause) {
        if (cause instanceof ParameterNotFoundException) {
            return UpstreamFailure.Kind.NOT_FOUND;
        }
        if (cause instanceof ParameterVersionNotFoundException) {
            return UpstreamFailure.Kind.VERSION_NOT_FOUND;
        }
        if (credentialsRejected(cause)) {
            return UpstreamFailure.Kind.CREDENTIALS_REJECTED;
        }
        if (isAccessDenied(cause)) {
            return isKmsDenial((AwsServiceException) cause) ? UpstreamFailure.Kind.DECRYPTION_DENIED : UpstreamFailure.Kind.DENIED;
        }
        if (cause instanceof NotAuthorizedException) {
            return UpstreamFailure.Kind.DENIED;
        }
        if (cause instanceof AwsServiceException service && service.isThrottlingException()) {
            return UpstreamFailure.Kind.THROTTLED;
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException
                || cause instanceof TimeoutException) {
            return UpstreamFailure.Kind.TIMED_OUT;
        }
        if (cause instanceof AwsServiceException || cause instanceof SdkClientException) {
            return UpstreamFailure.Kind.FAILED;
        }
        return null;
    }

    /** Whether AWS refused the credentials themselves (revoked or expired), which fresh ones would cure. */
    private static boolean credentialsRejected(Throwable cause) {
        return cause instanceof AwsServiceException service && errorCode(service) != null
                && REJECTED_CREDENTIALS.contains(errorCode(service));
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
