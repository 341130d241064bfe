package io.parameterportal.moto;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The portal against moto, told to show a parameter that moto does not have: everything else
 * (pools, user, identity pool) is seeded as usual, so the request gets as far as SSM.
 */
public class MotoMissingParameterProfile implements QuarkusTestProfile {

    static final String MISSING_PARAMETER = "fa-012-not-created";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MotoServer.class, Map.of(MotoServer.PARAMETER_NAME_ARG, MISSING_PARAMETER)));
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
