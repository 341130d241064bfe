package io.parameterportal.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profiles of the portal on its own: local mode with other settings than the test profile's, or aws mode
 * with nothing listening at the AWS endpoint. Each is one more application start (docs/testing.md).
 */
public final class AppProfiles {

    private AppProfiles() {
    }

    /** Local mode with {@code portal.oauth-flow=code}: the Sign In link asks for an authorization code with PKCE. */
    public static class CodeFlow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Every category at DEBUG, quarkus-oidc and Vert.x Web at TRACE, as an operator debugging sign-in might set
            // them: the tests that capture the log see all they write, and assert that no token, code or verifier is in it.
            return Map.of("portal.oauth-flow", "code",
                    "quarkus.log.min-level", "TRACE",
                    "quarkus.log.level", "DEBUG",
                    "quarkus.log.category.\"io.quarkus.oidc\".level", "TRACE",
                    "quarkus.log.category.\"io.vertx.ext.web\".level", "TRACE");
        }
    }

    /** The portal in aws mode; nothing listens at the AWS endpoint, and nothing here calls it. */
    public static class AwsMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "portal.mode", "aws",
                    "portal.region", "us-east-1",
                    "portal.user-pool-id", "us-east-1_LocalDemo",
                    "portal.client-id", "localdemoclient",
                    "portal.identity-pool-id", "us-east-1:00000000-0000-4000-8000-000000000000",
                    "portal.hosted-ui-domain", "fa-012.auth.us-east-1.amazoncognito.com",
                    "portal.public-url", "https://portal.example.test",
                    "portal.parameter-name", "fa-012-authenticated",
                    "portal.aws-endpoint", "http://127.0.0.1:9");
        }
    }

    /** {@link AwsMode} with the code flow and a session secret. */
    public static class AwsModeCodeFlow extends AwsMode {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ProfileOverrides.plus(super.getConfigOverrides(), Map.of(
                    "portal.oauth-flow", "code",
                    "portal.session-secret", "test-only-secret-0123456789abcdef0123"));
        }
    }

    /** Local mode with remote access allowed and one more host name, as a container published on a LAN. */
    public static class RemoteAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.local.allow-remote", "true", "portal.local.allowed-hosts", "portal.lan");
        }
    }

    /**
     * Local mode listing two paths of many parameters: /portal/many holds 25 (more than the limit of
     * {@link #LIMIT} set here), /portal/few holds 12 (two pages of SSM's 10).
     */
    public static class ManyParameters implements QuarkusTestProfile {

        public static final int LIMIT = 20;

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

    /**
     * A role that may read other parameters, and all three read actions, but not the one the portal
     * shows: the portal's denial path, and the answers of parameters that exist or not.
     */
    public static class WiderPolicy implements QuarkusTestProfile {
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

    /**
     * Local mode with every category at TRACE ({@link CapturedLogs#everyCategoryAtTrace()}), showing a
     * SecureString whose value is a secret the logs must never hold (and listing /portal/ops's, for ops).
     */
    public static class LogHygiene implements QuarkusTestProfile {

        /** The value of the parameter the portal shows in this profile: found in a log line, it leaked. */
        public static final String SECRET_VALUE = "hygiene-value-0c6e3f52b8d14a97";
        public static final String SECRET_PARAMETER = "/hygiene/api-key";

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
}
