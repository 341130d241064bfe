package io.parameterportal.local.aws;

import io.smallrye.mutiny.Uni;

/** A stand-in AWS service speaking the JSON 1.1 protocol ({@code X-Amz-Target: <prefix>.<operation>}). */
interface AwsJsonService {

    /** The part of {@code X-Amz-Target} before the dot, e.g. {@code AmazonSSM}. */
    String targetPrefix();

    /** The operation's answer, serialized as JSON; fails with {@link AwsError} for AWS's error answers. */
    Uni<?> call(String operation, AwsRequest request);
}
