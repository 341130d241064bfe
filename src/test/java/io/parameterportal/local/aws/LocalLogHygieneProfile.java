package io.parameterportal.local.aws;

import java.util.HashMap;
import java.util.Map;

import io.parameterportal.testing.CapturedLogs;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Local mode with every category at TRACE ({@link CapturedLogs#everyCategoryAtTrace()}), showing a
 * SecureString whose value is a secret the logs must never hold (and listing /portal/ops's, for ops).
 */
public class LocalLogHygieneProfile implements QuarkusTestProfile {

    /** The value of the parameter the portal shows in this profile: found in a log line, it leaked. */
    static final String SECRET_VALUE = "hygiene-value-0c6e3f52b8d14a97";
    static final String SECRET_PARAMETER = "/hygiene/api-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(CapturedLogs.everyCategoryAtTrace());
        overrides.put("portal.local.parameters.\"" + SECRET_PARAMETER + "\".value", SECRET_VALUE);
        overrides.put("portal.local.parameters.\"" + SECRET_PARAMETER + "\".type", "SecureString");
        overrides.put("portal.parameter-name", SECRET_PARAMETER);
        overrides.put("portal.local.roles.PortalAuthenticatedRole.allow.\"ssm:GetParameter\"",
                "arn:aws:ssm:*:*:parameter" + SECRET_PARAMETER);
        overrides.put("portal.local.roles.PortalAuthenticatedRole.allow.\"kms:Decrypt\"", "arn:aws:kms:*:*:key/*");
        overrides.put("portal.local.roles.PortalOpsRole.allow.\"ssm:GetParameter\"", "arn:aws:ssm:*:*:parameter" + SECRET_PARAMETER);
        return overrides;
    }
}
