package io.parameterportal.faults;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.parameterportal.testing.AwsStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link AwsStandIn} on a free loopback port and points the portal, in aws mode, at it. */
public class AwsStandInResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running {@link AwsStandIn}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface InjectAwsStandIn {
    }

    /** Init argument: the portal's upstream timeout, 1 s unless a profile needs more room. */
    static final String UPSTREAM_TIMEOUT = "upstream-timeout";

    private AwsStandIn aws;
    private String upstreamTimeout = "1s";

    @Override
    public void init(Map<String, String> initArgs) {
        upstreamTimeout = initArgs.getOrDefault(UPSTREAM_TIMEOUT, upstreamTimeout);
    }

    @Override
    public Map<String, String> start() {
        try {
            aws = new AwsStandIn();
            aws.start(0);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the fault-injecting AWS stand-in", e);
        }
        return Map.of(
                "portal.mode", "aws",
                "portal.region", AwsStandIn.REGION,
                "portal.user-pool-id", AwsStandIn.POOL,
                "portal.client-id", AwsStandIn.CLIENT,
                "portal.identity-pool-id", AwsStandIn.IDENTITY_POOL,
                // The hosted UI too: its token endpoint redeems codes (an explicit http:// scheme, as for an emulator).
                "portal.hosted-ui-domain", aws.endpoint(),
                "portal.public-url", "https://portal.example.test",
                "portal.parameter-name", AwsStandIn.PARAMETER,
                "portal.aws-endpoint", aws.endpoint(),
                "portal.upstream-timeout", upstreamTimeout);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(aws, new TestInjector.AnnotatedAndMatchesType(InjectAwsStandIn.class, AwsStandIn.class));
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.stop();
        }
    }
}
