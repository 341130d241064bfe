package io.parameterportal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The aws layer says what happened, as a kind; no SDK, no server: the exceptions are made here. */
class UpstreamFailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("parameter missing", ParameterNotFoundException.builder().build(), UpstreamFailure.Kind.NOT_FOUND),
                Arguments.of("version missing", ParameterVersionNotFoundException.builder().build(),
                        UpstreamFailure.Kind.VERSION_NOT_FOUND),
                Arguments.of("IAM denial", ssm(400, "AccessDeniedException", "User: x is not authorized to perform: ssm:GetParameter"),
                        UpstreamFailure.Kind.DENIED),
                Arguments.of("any 403", ssm(403, "Forbidden", "no"), UpstreamFailure.Kind.DENIED),
                Arguments.of("KMS denial", ssm(400, "AccessDeniedException", "User: x is not authorized to perform: kms:Decrypt (Service: AWSKMS)"),
                        UpstreamFailure.Kind.DECRYPTION_DENIED),
                Arguments.of("identity pool refusal", NotAuthorizedException.builder().statusCode(400).build(), UpstreamFailure.Kind.DENIED),
                Arguments.of("throttled", ssm(400, "ThrottlingException", "Rate exceeded"), UpstreamFailure.Kind.THROTTLED),
                Arguments.of("API call timeout", ApiCallTimeoutException.create(1000), UpstreamFailure.Kind.TIMED_OUT),
                Arguments.of("no pooled connection in time", SdkClientException.create("Unable to execute HTTP request",
                        new IllegalStateException(new TimeoutException("Acquire operation took longer"))), UpstreamFailure.Kind.TIMED_OUT),
                Arguments.of("unknown credentials", ssm(400, "UnrecognizedClientException", "The security token is invalid"),
                        UpstreamFailure.Kind.CREDENTIALS_REJECTED),
                Arguments.of("expired credentials", ssm(400, "ExpiredTokenException", "The security token is expired"),
                        UpstreamFailure.Kind.CREDENTIALS_REJECTED),
                Arguments.of("unknown credentials answered 403", ssm(403, "InvalidClientTokenId", "The security token is invalid"),
                        UpstreamFailure.Kind.CREDENTIALS_REJECTED),
                Arguments.of("server error", ssm(500, "InternalServerError", "oops"), UpstreamFailure.Kind.FAILED),
                Arguments.of("connection refused", SdkClientException.create("Unable to execute HTTP request",
                        new java.net.ConnectException("Connection refused")), UpstreamFailure.Kind.FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachSdkFailureIsClassifiedAsWhatHappened(String what, Throwable thrown, UpstreamFailure.Kind kind) {
        Throwable classified = UpstreamFailures.classify(new CompletionException(thrown));

        assertThat(classified).isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(kind);
            assertThat(failure.userName()).isEmpty();
        });
    }

    @Test
    void aClassifiedFailureKeepsItsKindWhenItNamesTheUser() {
        UpstreamFailure failure = (UpstreamFailure) UpstreamFailures.classify(ssm(400, "ThrottlingException", "Rate exceeded"));

        UpstreamFailure named = failure.naming("Ada");

        assertThat(named.kind()).isEqualTo(UpstreamFailure.Kind.THROTTLED);
        assertThat(named.userName()).contains("Ada");
        assertThat(UpstreamFailures.classify(named)).isSameAs(named);
    }

    @Test
    void whatIsNotAnAwsFailureIsLeftAsItIs() {
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThat(UpstreamFailures.classify(bug)).isSameAs(bug);
    }

    private static SsmException ssm(int status, String code, String message) {
        return (SsmException) SsmException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
