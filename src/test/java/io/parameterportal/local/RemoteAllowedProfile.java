package io.parameterportal.local;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Local mode with remote access allowed and one more host name, as a container published on a LAN. */
public class RemoteAllowedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.local.allow-remote", "true", "portal.local.allowed-hosts", "portal.lan");
    }
}
