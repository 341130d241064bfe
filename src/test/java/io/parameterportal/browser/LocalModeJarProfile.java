package io.parameterportal.browser;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The packaged jar runs with the prod profile, which has no default {@code portal.mode}: ask for
 * local mode, and bind to loopback as local mode requires (prod binds 0.0.0.0 by default), on a
 * random port, as every test of this build (several builds may share one machine).
 */
public class LocalModeJarProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "portal.mode", "local",
                "quarkus.http.host", "127.0.0.1",
                "quarkus.http.port", "0",
                "quarkus.management.port", "0");
    }
}
