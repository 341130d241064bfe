package io.parameterportal.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Local mode with {@code portal.oauth-flow=code}: the Sign In link asks for an authorization code with PKCE. */
public class CodeFlowProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("portal.oauth-flow", "code");
    }
}
