package io.parameterportal.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.CognitoEndpoints;
import io.parameterportal.config.CognitoPool;
import io.parameterportal.config.PortalConfig;
import io.vertx.core.Vertx;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * What every AWS client of the portal shares: the region of the {@link CognitoPool} and the endpoint of the {@link CognitoEndpoints},
 * no credentials of the service's own, the call timeout and the call counter.
 */
@ApplicationScoped
public class AwsClientDefaults {

    /** The SDK's standard policy, whatever AWS_RETRY_MODE says, with a short throttling backoff (docs/decisions/aws-calls-on-the-event-loop.md). */
    private static final RetryStrategy RETRIES = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(3)
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(250)))
            .build();

    private final String region;
    private final Duration upstreamTimeout;
    private final Optional<URI> endpoint;
    private final AwsCallMetrics metrics;
    /** Runs the SDK's call timeouts and retry delays: Vert.x's event loop, on which the calls start and end. */
    private final ScheduledExecutorService timeouts;

    AwsClientDefaults(CognitoPool pool, CognitoEndpoints endpoints, PortalConfig config, AwsCallMetrics metrics, Vertx vertx) {
        this.region = pool.region();
        this.upstreamTimeout = config.upstreamTimeout();
        this.endpoint = endpoints.aws();
        this.metrics = metrics;
        this.timeouts = vertx.nettyEventLoopGroup();
    }

    public <B extends AwsClientBuilder<B, ?> & SdkAsyncClientBuilder<B, ?>> B applyTo(B builder) {
        builder.region(Region.of(region))
                // Users' credentials travel per request; an unsigned default keeps the service rightless.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                // Keeps what the Quarkus extension configured and adds ours.
                .overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        // Bounds the whole operation, the SDK's standard retries included.
                        .apiCallTimeout(upstreamTimeout)
                        .scheduledExecutorService(timeouts)
                        .retryStrategy(RETRIES)
                        .addExecutionInterceptor(metrics)
                        .build());
        // Complete the SDK's futures on the Netty (Vert.x) thread that read the answer: nothing downstream blocks.
        builder.asyncConfiguration(async -> async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                Runnable::run));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
