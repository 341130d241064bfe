package io.parameterportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.parameterportal.aws.UpstreamFailure;
import io.parameterportal.aws.UpstreamFailures;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The web layer alone chooses each kind of AWS failure's answer: the table of docs/decisions/error-model.md. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(UpstreamFailure.Kind.DENIED, 403, "Access denied"),
                Arguments.of(UpstreamFailure.Kind.DECRYPTION_DENIED, 403, "Decryption denied"),
                Arguments.of(UpstreamFailure.Kind.NOT_FOUND, 404, "Parameter not found"),
                Arguments.of(UpstreamFailure.Kind.VERSION_NOT_FOUND, 404, "Parameter version not found"),
                Arguments.of(UpstreamFailure.Kind.THROTTLED, 503, "AWS is throttling"),
                Arguments.of(UpstreamFailure.Kind.TIMED_OUT, 504, "AWS did not answer in time"),
                Arguments.of(UpstreamFailure.Kind.CREDENTIALS_REJECTED, 502, "AWS call failed"),
                Arguments.of(UpstreamFailure.Kind.FAILED, 502, "AWS call failed"));
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @MethodSource("answers")
    void eachKindOfAwsFailureHasItsStatusTitleAndSentence(UpstreamFailure.Kind kind, int status, String title) {
        Response response = mapper.upstreamFailure(failureOf(kind).naming("Ada"));

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.title()).isEqualTo(title);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo("about:blank");
        assertThat(problem.detail()).endsWith(".").doesNotContain(kind.name());
        assertThat(problem.name()).isEqualTo("Ada");
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo(kind == UpstreamFailure.Kind.THROTTLED ? "1" : null);
    }

    @ParameterizedTest
    @EnumSource(UpstreamFailure.Kind.class)
    void aFailureBeforeTheTokenWasJudgedNamesNoOne(UpstreamFailure.Kind kind) {
        assertThat(((Problem) mapper.upstreamFailure(failureOf(kind)).getEntity()).name()).isNull();
    }

    /** A failure of {@code kind} as the aws layer makes it, from an SDK exception. */
    private static UpstreamFailure failureOf(UpstreamFailure.Kind kind) {
        Throwable thrown = switch (kind) {
            case DENIED -> ssm(400, "AccessDeniedException", "not authorized to perform: ssm:GetParameter");
            case DECRYPTION_DENIED -> ssm(400, "AccessDeniedException", "not authorized to perform: kms:Decrypt");
            case NOT_FOUND -> ParameterNotFoundException.builder().build();
            case VERSION_NOT_FOUND -> ParameterVersionNotFoundException.builder().build();
            case THROTTLED -> ssm(400, "ThrottlingException", "Rate exceeded");
            case TIMED_OUT -> ApiCallTimeoutException.create(1000);
            case CREDENTIALS_REJECTED -> ssm(400, "ExpiredTokenException", "The security token is expired");
            case FAILED -> SdkClientException.create("Unable to execute HTTP request");
        };
        UpstreamFailure failure = (UpstreamFailure) UpstreamFailures.classify(thrown);
        assertThat(failure.kind()).isEqualTo(kind);
        return failure;
    }

    private static SsmException ssm(int status, String code, String message) {
        return (SsmException) SsmException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
