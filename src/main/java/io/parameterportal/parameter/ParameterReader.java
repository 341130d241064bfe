package io.parameterportal.parameter;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.aws.UpstreamFailures;
import io.parameterportal.identity.UserCredentials;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;

/**
 * Reads one parameter as the user: the process's single SSM client signs this one request with the
 * user's credentials, so what comes back is exactly what the user's IAM role allows.
 */
@ApplicationScoped
public class ParameterReader {

    private final SsmAsyncClient ssm;

    ParameterReader(SsmAsyncClient ssm) {
        this.ssm = ssm;
    }

    public Uni<Parameter> read(String name, UserCredentials user) {
        StaticCredentialsProvider asUser = StaticCredentialsProvider.create(user.credentials());
        GetParameterRequest request = GetParameterRequest.builder()
                .name(name)
                .withDecryption(true)
                .overrideConfiguration(o -> o.credentialsProvider(asUser))
                .build();
        return Uni.createFrom()
                .completionStage(() -> ssm.getParameter(request))
                .map(response -> new Parameter(response.parameter().name(), response.parameter().value()))
                .onFailure().transform(UpstreamFailures::classify);
    }
}
