package io.parameterportal.local;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Local mode listing two paths of many parameters: /portal/many holds 25 (more than the limit of 20
 * set here), /portal/few holds 12 (two pages of SSM's 10).
 */
public class ManyParametersProfile implements QuarkusTestProfile {

    static final int LIMIT = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("portal.parameter-paths", "/portal/many,/portal/few");
        overrides.put("portal.path-max-parameters", String.valueOf(LIMIT));
        overrides.put("portal.local.roles.PortalAuthenticatedRole.allow.\"ssm:GetParametersByPath\"",
                "arn:aws:ssm:*:*:parameter/portal/many,arn:aws:ssm:*:*:parameter/portal/few");
        for (int i = 1; i <= 25; i++) {
            overrides.put(String.format("portal.local.parameters.\"/portal/many/p%02d\".value", i), "many " + i);
        }
        for (int i = 1; i <= 12; i++) {
            overrides.put(String.format("portal.local.parameters.\"/portal/few/sub%d/p%02d\".value", i % 3, i), "few " + i);
        }
        return overrides;
    }
}
