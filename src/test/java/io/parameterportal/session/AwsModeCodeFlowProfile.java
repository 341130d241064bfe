package io.parameterportal.session;

import java.util.HashMap;
import java.util.Map;

import io.parameterportal.local.AwsModeProfile;

/** Aws mode with the code flow and a session secret; nothing listens at the AWS endpoint. */
public class AwsModeCodeFlowProfile extends AwsModeProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("portal.oauth-flow", "code");
        overrides.put("portal.session-secret", "test-only-secret-0123456789abcdef0123");
        return overrides;
    }
}
