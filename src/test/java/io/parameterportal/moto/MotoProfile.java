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

    private static int managementPort;

    /**
     * A random HTTP port for the packaged jar of {@code @QuarkusIntegrationTest} too (the
     * {@code @QuarkusTest}s bind one already): several builds may share one machine, and 8081 is
     * every Quarkus test's default. RestAssured follows the real port. The management port (metrics)
     * is a free port chosen here, because the jar's launcher reports only the HTTP port.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        String management = String.valueOf(managementPort());
        return Map.of("quarkus.http.port", "0", "quarkus.management.port", management, "quarkus.management.test-port", management);
    }

    /** Chosen once per test JVM; each profile's app lets go of it before the next one starts. */
    static synchronized int managementPort() {
        if (managementPort == 0) {
            managementPort = MotoServer.freeLoopbackPort();
        }
        return managementPort;
    }
}
