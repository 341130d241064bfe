package io.parameterportal.faults;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import io.parameterportal.faults.AwsStandInResource.InjectAwsStandIn;
import io.parameterportal.testing.AwsStandIn;

/**
 * What the fault tests against {@link AwsStandIn} share: the running stand-in, healed (and any stall
 * released) after each test so that no fault outlives it, and a new user per test, so that no cached credentials hide a fault.
 */
abstract class StandInTest {

    @InjectAwsStandIn
    AwsStandIn aws;

    @AfterEach
    void heal() {
        aws.heal();
        aws.releaseHeld();
    }

    static String newUser() {
        return UUID.randomUUID().toString();
    }
}
