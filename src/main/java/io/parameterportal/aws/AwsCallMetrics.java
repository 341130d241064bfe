package io.parameterportal.aws;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS API call the portal makes, by service, operation and outcome, as the meter
 * {@code portal.aws.calls}. One call is one SDK operation, however many retries it took.
 */
@Singleton
public class AwsCallMetrics implements ExecutionInterceptor {

    public static final String METER = "portal.aws.calls";

    private final MeterRegistry registry;

    AwsCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        count(attributes, "success");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        count(attributes, "failure");
    }

    private void count(ExecutionAttributes attributes, String outcome) {
        Counter.builder(METER)
                .description("AWS API calls made by the portal")
                .tag("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                .tag("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
