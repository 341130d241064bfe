package io.parameterportal.faults;

import java.util.HashMap;
import java.util.Map;

import io.parameterportal.testing.CapturedLogs;

/**
 * {@link FaultsProfile} with every category at TRACE ({@link CapturedLogs#everyCategoryAtTrace()}) and
 * an application start of its own, so that its first test finds no signing keys held.
 */
public class LogHygieneProfile extends FaultsProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(CapturedLogs.everyCategoryAtTrace());
        return overrides;
    }
}
