package io.parameterportal.moto;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link MotoBadTokenTest} against the packaged jar (AWS calls are read from its /q/metrics). */
@QuarkusIntegrationTest
@TestProfile(MotoProfiles.Seeded.class)
class MotoBadTokenIT extends MotoBadTokenTest {
}
