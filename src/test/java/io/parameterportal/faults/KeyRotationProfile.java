package io.parameterportal.faults;

import java.util.HashMap;
import java.util.Map;

/** {@link FaultsProfile} with its own application start, refetching the JWKS for every unknown {@code kid}. */
public class KeyRotationProfile extends FaultsProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("portal.token.jwks-refetch-interval", "0s");
        return overrides;
    }
}
