package io.parameterportal.local;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The portal in aws mode; nothing listens at the AWS endpoint, and nothing here calls it. */
public class AwsModeProfile implements QuarkusTestProfile {

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
