package io.parameterportal.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.aws.AwsCallMetrics;

/** Every AWS call the portal made so far (identity pool and SSM, any outcome), from its own {@code portal.aws.calls}. */
public final class AwsCallCount {

    private AwsCallCount() {
    }

    public static long total(MeterRegistry registry) {
        return Math.round(registry.find(AwsCallMetrics.METER).counters().stream().mapToDouble(Counter::count).sum());
    }
}
