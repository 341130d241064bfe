package io.parameterportal.browser;

import java.util.HashMap;
import java.util.Map;

/** {@link LocalModeJarProfile} with {@code portal.oauth-flow=code}: the packaged jar signs in with a code and PKCE. */
public class CodeFlowJarProfile extends LocalModeJarProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("portal.oauth-flow", "code");
        return overrides;
    }
}
