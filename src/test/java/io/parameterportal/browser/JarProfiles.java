package io.parameterportal.browser;

import java.util.HashMap;
import java.util.Map;

import io.parameterportal.testing.ProfileOverrides;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The test profiles of the packaged jar ({@code @QuarkusIntegrationTest}). */
final class JarProfiles {

    private JarProfiles() {
    }

    /**
     * The packaged jar runs with the prod profile, which has no default {@code portal.mode}: ask for
     * local mode, and bind to loopback as local mode requires (prod binds 0.0.0.0 by default), on a
     * random port, as every test of this build (several builds may share one machine). The prod profile
     * also lacks the test profile's extra users: the user in two groups the role picker needs is added here.
     */
    public static class LocalMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of(
                    "portal.mode", "local",
                    "quarkus.http.host", "127.0.0.1",
                    "quarkus.http.port", "0",
                    "quarkus.management.port", "0"));
            overrides.put("portal.local.users.dual.password", "dual");
            overrides.put("portal.local.users.dual.name", "Dual Role");
            overrides.put("portal.local.users.dual.email", "dual@example.com");
            overrides.put("portal.local.users.dual.groups", "ops,auditors");
            overrides.put("portal.local.groups.auditors.role", "PortalAuditorRole");
            overrides.put("portal.local.groups.auditors.precedence", "2");
            // As the test profile: may list and read /portal/ops, but not decrypt (no kms:Decrypt) nor read history.
            overrides.put("portal.local.roles.PortalAuditorRole.allow.\"ssm:GetParameter\"",
                    "arn:aws:ssm:*:*:parameter/fa-012-authenticated,arn:aws:ssm:*:*:parameter/portal/*");
            overrides.put("portal.local.roles.PortalAuditorRole.allow.\"ssm:GetParametersByPath\"", "arn:aws:ssm:*:*:parameter/portal/*");
            return overrides;
        }
    }

    /** {@link LocalMode} with {@code portal.oauth-flow=code}: the packaged jar signs in with a code and PKCE. */
    public static class CodeFlow extends LocalMode {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), Map.of("portal.oauth-flow", "code"));
        }
    }
}
