package io.parameterportal.aws;

import jakarta.enterprise.context.ApplicationScoped;

import io.parameterportal.config.PortalConfig;
import io.parameterportal.config.PortalSettings;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS client of the portal shares: the region and endpoint of {@link PortalSettings},
 * no credentials of the service's own, the call timeout and the call counter.
 */
@ApplicationScoped
public class AwsClientDefaults {

    private final PortalSettings settings;
    private final PortalConfig config;
    private final AwsCallMetrics metrics;

    AwsClientDefaults(PortalSettings settings, PortalConfig config, AwsCallMetrics metrics) {
        this.settings = settings;
        this.config = config;
        this.metrics = metrics;
    }

    public <B extends AwsClientBuilder<B, ?>> B applyTo(B builder) {
        builder.region(Region.of(settings.region()))
                // Users' credentials travel per request; an unsigned default keeps the service rightless.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                // Keeps what the Quarkus extension configured and adds ours.
                .overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        // Bounds the whole operation, the SDK's standard retries included.
                        .apiCallTimeout(config.upstreamTimeout())
                        .addExecutionInterceptor(metrics)
                        .build());
        settings.awsEndpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
