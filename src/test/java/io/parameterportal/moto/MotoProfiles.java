package io.parameterportal.moto;

import java.util.List;
import java.util.Map;

import io.parameterportal.testing.ProfileOverrides;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The test profiles of the portal in {@code aws} mode against a real, seeded moto server ({@link MotoServer}). */
final class MotoProfiles {

    private MotoProfiles() {
    }

    private static int managementPort;

    /** Chosen once per test JVM; each profile's app lets go of it before the next one starts. */
    static synchronized int managementPort() {
        if (managementPort == 0) {
            managementPort = MotoServer.freeLoopbackPort();
        }
        return managementPort;
    }

    /**
     * Whether {@code port} is that management port. Between two profiles' apps it is free, and a server the
     * tests start then (moto, the gate) must not take it, or the next app cannot start ({@link MotoServer#freeLoopbackPort}).
     */
    static synchronized boolean isManagementPort(int port) {
        return managementPort != 0 && port == managementPort;
    }

    /** Moto seeded with the pools, a user, an identity pool and the parameter the portal shows. */
    public static class Seeded implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoServer.class));
        }

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
    }

    /**
     * {@link Seeded}, but the portal is told to show a parameter that moto does not have: everything else
     * (pools, user, identity pool) is seeded as usual, so the request gets as far as SSM.
     */
    public static class MissingParameter extends Seeded {

        static final String MISSING_PARAMETER = "fa-012-not-created";

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MotoServer.class, Map.of(MotoServer.PARAMETER_NAME_ARG, MISSING_PARAMETER)));
        }
    }

    /** {@link Seeded} with a parameter path configured, so that parameters under it may be revealed and their history read. */
    public static class Versions extends Seeded {

        static final String PATH = "/moto/versions";

        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), Map.of("portal.parameter-paths", PATH));
        }
    }
}
