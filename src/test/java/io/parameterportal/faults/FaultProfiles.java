package io.parameterportal.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.ProfileOverrides;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profiles of the portal in aws mode against {@link io.parameterportal.testing.AwsStandIn}. Each is one
 * more application start, so each configures something the others do not; a test that needs the user pool's
 * keys forgotten resets them ({@link io.parameterportal.testing.SigningKeysReset}) instead of starting an app.
 */
final class FaultProfiles {

    private FaultProfiles() {
    }

    /** Logging everything of its own at every level (log hygiene is checked on what it logs; the console stays at INFO). */
    public static class StandIn implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AwsStandInResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // Short, so that SlowClientTest sees slow clients cut off without waiting the default 30 s.
                    "portal.request-read-timeout", "2s",
                    "quarkus.log.level", "DEBUG",
                    "quarkus.log.min-level", "TRACE",
                    "quarkus.log.console.level", "INFO",
                    "quarkus.log.category.\"io.parameterportal\".level", "TRACE",
                    "quarkus.log.category.\"org.jose4j\".level", "TRACE",
                    // RestAssured's HTTP client runs in this JVM and logs the wire at DEBUG: that is the
                    // test's own client sending the token, not the service logging it.
                    "quarkus.log.category.\"org.apache.http\".level", "INFO",
                    // The test harness, not the service: between app starts these levels reach the console,
                    // where it logs every test class it loads at DEBUG.
                    "quarkus.log.category.\"io.quarkus.test\".level", "INFO");
        }
    }

    /** {@link StandIn} with two paths listed, one pooled SSM connection and a short upstream timeout. */
    public static class CrowdedPool extends StandIn {

        static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(3);

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AwsStandInResource.class,
                    Map.of(AwsStandInResource.UPSTREAM_TIMEOUT, UPSTREAM_TIMEOUT.toSeconds() + "s")));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), Map.of(
                    "portal.parameter-paths", "/portal/a,/portal/b",
                    "quarkus.ssm.async-client.max-concurrency", "1"));
        }
    }

    /**
     * {@link StandIn} with an upstream timeout far longer than any flood: a stalled JWKS fetch then ends when the
     * test releases it, so that what was answered before its end is an order of events, not a race with a clock.
     */
    public static class JwksUnderAttack extends StandIn {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AwsStandInResource.class, Map.of(AwsStandInResource.UPSTREAM_TIMEOUT, "60s")));
        }
    }

    /** {@link StandIn} refetching the JWKS for every unknown {@code kid}. */
    public static class KeyRotation extends StandIn {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), Map.of("portal.token.jwks-refetch-interval", "0s"));
        }
    }

    /** {@link StandIn} with every category at TRACE ({@link CapturedLogs#everyCategoryAtTrace()}), which would slow the others. */
    public static class LogHygiene extends StandIn {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), CapturedLogs.everyCategoryAtTrace());
        }
    }

    /** {@link StandIn} with a value cache of one minute and one path of 20 parameters listed. */
    public static class ValueCache extends StandIn {

        static final String PATH = "/portal/listed";

        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), Map.of(
                    "portal.value-cache.ttl", "60s",
                    "portal.parameter-paths", PATH));
        }
    }
}
