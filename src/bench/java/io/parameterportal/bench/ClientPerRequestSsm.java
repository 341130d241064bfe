package io.parameterportal.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.parameterportal.aws.AwsClientDefaults;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;

/**
 * The benchmark's naive baseline (variant c of bench/run.sh): a new SSM client, with its own HTTP
 * client, for every call, closed afterwards — the pattern the service avoids. It replaces the one SSM
 * client only in the jar that {@code ./mvnw -Pbench-naive package} builds into {@code target/bench-naive};
 * it is never compiled into the shipped application.
 */
class ClientPerRequestSsm {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    SsmAsyncClient clientPerRequest(AwsClientDefaults defaults) {
        return new SsmAsyncClient() {
            @Override
            public CompletableFuture<GetParameterResponse> getParameter(GetParameterRequest request) {
                return withThrowawayClient(defaults, ssm -> ssm.getParameter(request));
            }

            @Override
            public CompletableFuture<GetParametersByPathResponse> getParametersByPath(GetParametersByPathRequest request) {
                return withThrowawayClient(defaults, ssm -> ssm.getParametersByPath(request));
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
                // nothing is kept between calls
            }
        };
    }

    private static <T> CompletableFuture<T> withThrowawayClient(AwsClientDefaults defaults,
            Function<SsmAsyncClient, CompletableFuture<T>> call) {
        SsmAsyncClient throwaway = defaults.applyTo(SsmAsyncClient.builder())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build();
        return call.apply(throwaway).whenComplete((result, failure) -> throwaway.close());
    }
}
