package io.parameterportal.moto;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link MotoMissingParameterTest} against the packaged jar (AWS calls are read from its /q/metrics). */
@QuarkusIntegrationTest
@TestProfile(MotoProfiles.MissingParameter.class)
class MotoMissingParameterIT extends MotoMissingParameterTest {
}
