package io.parameterportal.moto;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The portal in {@code aws} mode against a real, seeded moto server ({@link MotoServer}), in its own Quarkus start. */
public class MotoProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MotoServer.class));
    }

    /**
     * A random HTTP port, for {@code @QuarkusTest} ({@code test-port}) and for the packaged jar of
     * {@code @QuarkusIntegrationTest} ({@code port}, passed after the launcher's own 8081): several
     * builds may share one machine, 8081 is every Quarkus test's default, and a random port never
     * waits for the previous profile's app to let go of its port. RestAssured follows the real port.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", "0", "quarkus.http.port", "0");
    }
}
