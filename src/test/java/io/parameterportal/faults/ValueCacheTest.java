package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;
import io.parameterportal.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With PORTAL_VALUE_CACHE_TTL set, a repeat view of one token inside the TTL makes no AWS call at all;
 * after it, the values are read again (the credentials, still fresh, are reused): the seed parameter
 * and the path's two pages.
 */
@QuarkusTest
@TestProfile(FaultProfiles.ValueCache.class)
class ValueCacheTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @BeforeEach
    void twentyParameters() {
        aws.pathHolds(FaultProfiles.ValueCache.PATH, 20);
    }

    @AfterEach
    void realTime() {
        TestClock.get().reset();
    }

    @Test
    void repeatViewsInsideTheTtlCostNoCallAfterItTheReadsAgain() throws Exception {
        String token = aws.idToken(UUID.randomUUID().toString(), "Cached");

        assertThat(callsFor(() -> postSession(token).statusCode(200).body("paths[0].parameters", hasSize(20))))
                .as("first view: GetId, GetCredentialsForIdentity, GetParameter, two pages").isEqualTo(5);
        assertThat(callsFor(() -> postSession(token).statusCode(200).body("paths[0].parameters", hasSize(20)))).isZero();

        TestClock.get().advance(Duration.ofSeconds(61));
        assertThat(callsFor(() -> postSession(token).statusCode(200))).as("GetParameter and two pages").isEqualTo(3);
        assertThat(aws.calls("GetParametersByPath")).isEqualTo(4);
    }

    private int callsFor(Runnable view) {
        int before = aws.totalAwsCalls();
        view.run();
        return aws.totalAwsCalls() - before;
    }
}
