package io.parameterportal.local;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Local mode with remote access forced, as inside a container. */
public class RemoteAllowedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.local.allow-remote", "true");
    }
}
