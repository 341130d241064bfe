package io.parameterportal.faults;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link FaultyAws} on a free loopback port and points the portal, in aws mode, at it. */
public class FaultyAwsResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running {@link FaultyAws}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface InjectFaultyAws {
    }

    private FaultyAws aws;

    @Override
    public Map<String, String> start() {
        try {
            aws = new FaultyAws();
            aws.start(0);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the fault-injecting AWS stand-in", e);
        }
        return Map.of(
                "portal.mode", "aws",
                "portal.region", FaultyAws.REGION,
                "portal.user-pool-id", FaultyAws.POOL,
                "portal.client-id", FaultyAws.CLIENT,
                "portal.identity-pool-id", FaultyAws.IDENTITY_POOL,
                "portal.hosted-ui-domain", "faults.auth.us-east-1.amazoncognito.com",
                "portal.parameter-name", FaultyAws.PARAMETER,
                "portal.aws-endpoint", aws.endpoint(),
                "portal.upstream-timeout", "1s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(aws, new TestInjector.AnnotatedAndMatchesType(InjectFaultyAws.class, FaultyAws.class));
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.stop();
        }
    }
}
