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
     * A random HTTP port for the packaged jar of {@code @QuarkusIntegrationTest} too (the
     * {@code @QuarkusTest}s bind one already): several builds may share one machine, and 8081 is
     * every Quarkus test's default. RestAssured follows the real port.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.port", "0");
    }
}
