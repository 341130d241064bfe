package io.parameterportal.faults;

import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.token.TokenRejection;
import io.parameterportal.web.Problem;
import io.parameterportal.testing.AwsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Twenty kinds of bad id token: each gets 401 problem+json whose detail says what was wrong,
 * never a 5xx, and never causes an AWS call.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
class TokenAttackMatrixTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    private int awsCallsBefore;

    @BeforeEach
    void countCalls() {
        awsCallsBefore = aws.totalAwsCalls();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.parameterportal.faults.BadTokens#all")
    void badTokenGets401WithAReasonAndNoAwsCall(String kind, BadTokens.Maker maker, TokenRejection reason) throws Exception {
        String token = maker.make(aws);

        postSession(token).statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(401))
                .body("reason", equalTo(reason.name()))
                .body("detail", not(emptyOrNullString()))
                .body(token.length() > 8 ? not(containsString(token)) : not(containsString("\u0000")));
        assertThat(aws.totalAwsCalls()).as("AWS calls caused by a bad token").isEqualTo(awsCallsBefore);
    }
}
