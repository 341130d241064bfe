package io.parameterportal.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.faults.FaultsProfile;
import io.parameterportal.testing.AwsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Each AWS call schedules its timeout; an answered call must not leave it queued for the full timeout. */
@QuarkusTest
@TestProfile(FaultsProfile.class)
class CallTimeoutsTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @Inject
    AwsClientDefaults defaults;

    @Test
    void answeredCallsLeaveNoTimeoutQueued() throws Exception {
        int callsBefore = aws.totalAwsCalls();
        for (int view = 0; view < 5; view++) {
            given().contentType(ContentType.JSON).body("{\"idToken\":\"" + aws.idToken(UUID.randomUUID().toString(), "Timed") + "\"}")
                    .when().post("/api/session").then().statusCode(200);
        }

        assertThat(aws.totalAwsCalls() - callsBefore).isEqualTo(15);
        // Queued for the full timeout, all 15 would still be here; the SDK cancels a timeout just after
        // completing its call, so the last view's cancel may trail its answer by a moment.
        assertThat(defaults.pendingTimeouts()).isLessThanOrEqualTo(1);
    }
}
