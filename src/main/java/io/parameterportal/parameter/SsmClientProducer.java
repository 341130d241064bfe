package io.parameterportal.parameter;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.parameterportal.aws.AwsClientDefaults;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmAsyncClientBuilder;

/**
 * Finishes the builder the quarkus-amazon-ssm extension prepared (its Netty client and settings)
 * with the portal's region, endpoint, timeout and call counter: the one SSM client of the process.
 */
class SsmClientProducer {

    @Produces
    @Singleton
    SsmAsyncClient ssm(SsmAsyncClientBuilder builder, AwsClientDefaults defaults) {
        return defaults.applyTo(builder).build();
    }
}
