package io.parameterportal.local;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A role that may read other parameters, and all three read actions, but not the one the portal
 * shows: the portal's denial path, and the answers of parameters that exist or not.
 */
public class WiderPolicyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "portal.local.allowed-actions", "ssm:GetParameter,ssm:GetParameters,ssm:GetParametersByPath",
                "portal.local.allowed-parameters", "other-secret,missing-one,/app",
                "portal.local.parameters.\"/app/one\"", "1",
                "portal.local.parameters.\"/app/sub/two\"", "2");
    }
}
