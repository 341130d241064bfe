package io.parameterportal.aws;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalSettings;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkAsyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * What every AWS client of the portal shares: the region and endpoint of {@link PortalSettings},
 * no credentials of the service's own, the call timeout and the call counter.
 */
@ApplicationScoped
public class AwsClientDefaults {

    /**
     * The SDK's standard policy (3 attempts), stated so that it does not depend on AWS_RETRY_MODE,
     * with a short throttling backoff: a throttled user is better served by a quick 503 and
     * Retry-After than by seconds of waiting that end in a timeout.
     */
    private static final RetryStrategy RETRIES = AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(3)
            .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(250)))
            .build();

    private final PortalSettings settings;
    private final PortalConfig config;
    private final AwsCallMetrics metrics;
    /**
     * Runs the SDK's call timeouts: one task per call, cancelled when the call ends. This executor
     * removes a cancelled task at once; the Quarkus executor the extension would lend, and the SDK's
     * own, keep it queued for the full timeout — at 2,000 req/s and 3 s some 6,000 dead tasks, each
     * holding its request's context, which heap profiles showed surviving young collections.
     */
    private final ScheduledThreadPoolExecutor timeouts;

    AwsClientDefaults(PortalSettings settings, PortalConfig config, AwsCallMetrics metrics) {
        this.settings = settings;
        this.config = config;
        this.metrics = metrics;
        this.timeouts = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "portal-aws-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
    }

    /** Call timeouts still queued: those of calls under way, never those of calls already answered. */
    int pendingTimeouts() {
        return timeouts.getQueue().size();
    }

    @PreDestroy
    void stop() {
        timeouts.shutdownNow();
    }

    public <B extends AwsClientBuilder<B, ?> & SdkAsyncClientBuilder<B, ?>> B applyTo(B builder) {
        builder.region(Region.of(settings.region()))
                // Users' credentials travel per request; an unsigned default keeps the service rightless.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                // Keeps what the Quarkus extension configured and adds ours.
                .overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        // Bounds the whole operation, the SDK's standard retries included.
                        .apiCallTimeout(config.upstreamTimeout())
                        .scheduledExecutorService(timeouts)
                        .retryStrategy(RETRIES)
                        .addExecutionInterceptor(metrics)
                        .build());
        // Complete the SDK's futures on the Netty (Vert.x) thread that read the answer, instead of
        // hopping to the SDK's own executor: nothing downstream blocks, and each hop costs a wake-up.
        builder.asyncConfiguration(async -> async.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                Runnable::run));
        settings.awsEndpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
