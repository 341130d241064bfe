package io.parameterportal.faults;

import java.util.List;
import java.util.Map;

/**
 * {@link FaultsProfile} with its own application start, so that the key source's penalty box starts clean,
 * and an upstream timeout far longer than any flood: a stalled JWKS fetch then ends when the test releases it,
 * so that what was answered before its end is an order of events, not a race with a clock.
 */
public class JwksUnderAttackProfile extends FaultsProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AwsStandInResource.class, Map.of(AwsStandInResource.UPSTREAM_TIMEOUT, "60s")));
    }
}
