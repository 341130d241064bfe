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
        String readable = "arn:aws:ssm:*:*:parameter/other-secret,arn:aws:ssm:*:*:parameter/missing-one";
        return Map.of(
                "portal.local.roles.PortalAuthenticatedRole.allow.\"ssm:GetParameter\"", readable,
                "portal.local.roles.PortalAuthenticatedRole.allow.\"ssm:GetParameters\"", readable,
                "portal.local.roles.PortalAuthenticatedRole.allow.\"ssm:GetParametersByPath\"", "arn:aws:ssm:*:*:parameter/app",
                "portal.local.parameters.\"/app/one\".value", "1",
                "portal.local.parameters.\"/app/sub/two\".value", "2");
    }
}
