package io.parameterportal.parameter;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.aws.AwsClientDefaults;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.identity.UserCredentials;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/**
 * Reads one parameter as the user: the process's single SSM client signs this one request with the
 * user's credentials, so what comes back is exactly what the user's IAM role allows.
 */
@ApplicationScoped
public class ParameterReader {

    private final SsmAsyncClient ssm;
    private final AwsClientDefaults defaults;
    private final boolean clientPerRequest;

    ParameterReader(SsmAsyncClient ssm, AwsClientDefaults defaults, PortalConfig config) {
        this.ssm = ssm;
        this.defaults = defaults;
        this.clientPerRequest = config.benchmark().ssmClientPerRequest();
    }

    public Uni<Parameter> read(String name, UserCredentials user) {
        StaticCredentialsProvider asUser = StaticCredentialsProvider.create(user.credentials());
        GetParameterRequest request = GetParameterRequest.builder()
                .name(name)
                .withDecryption(true)
                .overrideConfiguration(o -> o.credentialsProvider(asUser))
                .build();
        return Uni.createFrom()
                .completionStage(() -> clientPerRequest ? withThrowawayClient(request) : ssm.getParameter(request))
                .map(response -> new Parameter(response.parameter().name(), response.parameter().value()));
    }

    /** The benchmark's naive baseline: a fresh client and HTTP client per request, closed afterwards. */
    private CompletableFuture<GetParameterResponse> withThrowawayClient(GetParameterRequest request) {
        SsmAsyncClient throwaway = defaults.applyTo(SsmAsyncClient.builder())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
        return throwaway.getParameter(request).whenComplete((response, failure) -> throwaway.close());
    }
}
