package io.parameterportal.faults;


import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The portal in aws mode against {@link io.parameterportal.testing.AwsStandIn}, logging everything of its own at every level
 * (log hygiene is checked on what it logs; the console stays at INFO). */
public class FaultsProfile implements QuarkusTestProfile {

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
