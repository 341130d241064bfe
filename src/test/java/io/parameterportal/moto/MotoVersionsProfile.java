package io.parameterportal.moto;

import java.util.HashMap;
import java.util.Map;

/** The portal against moto with a parameter path configured, so that parameters under it may be revealed and their history read. */
public class MotoVersionsProfile extends MotoProfile {

    static final String PATH = "/moto/versions";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("portal.parameter-paths", PATH);
        return overrides;
    }
}
