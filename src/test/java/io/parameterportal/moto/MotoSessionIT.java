package io.parameterportal.moto;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link MotoSessionTest} against the packaged jar (AWS calls are read from its /q/metrics). */
@QuarkusIntegrationTest
@TestProfile(MotoProfiles.Seeded.class)
class MotoSessionIT extends MotoSessionTest {
}
