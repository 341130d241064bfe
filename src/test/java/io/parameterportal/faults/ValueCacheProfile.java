package io.parameterportal.faults;

import java.util.HashMap;
import java.util.Map;

/** {@link FaultsProfile} with a value cache of one minute and one path of 20 parameters listed. */
public class ValueCacheProfile extends FaultsProfile {

    static final String PATH = "/portal/listed";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("portal.value-cache.ttl", "60s");
        overrides.put("portal.parameter-paths", PATH);
        return overrides;
    }
}
