package io.parameterportal.testing;

import java.util.HashMap;
import java.util.Map;

/** How a test profile that varies another one states its overrides: the other's, plus or replaced by its own. */
public final class ProfileOverrides {

    private ProfileOverrides() {
    }

    public static Map<String, String> plus(Map<String, String> base, Map<String, String> own) {
        Map<String, String> overrides = new HashMap<>(base);
        overrides.putAll(own);
        return overrides;
    }
}
