package io.parameterportal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** How the settings resolve per mode, from plain maps of properties. */
class PortalConfigPartsTest {

    @Test
    void awsModeNamesEveryMissingVariableAtOnce() {
        PortalConfig config = config(Map.of("portal.mode", "aws", "portal.region", "eu-west-1"));

        assertThatThrownBy(() -> PortalConfigParts.requireComplete(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PORTAL_USER_POOL_ID, PORTAL_CLIENT_ID, PORTAL_IDENTITY_POOL_ID, "
                        + "PORTAL_HOSTED_UI_DOMAIN, PORTAL_PARAMETER_NAME")
                .hasMessageNotContaining("AWS_REGION");
    }

    @Test
    void awsModeDerivesIssuerProviderAndJwksFromRegionAndPool() {
        CognitoPool pool = PortalConfigParts.pool(config(awsMode()));
        CognitoEndpoints endpoints = endpoints(awsMode(), 8080);

        assertThat(pool.issuer()).isEqualTo("https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Pool");
        assertThat(pool.providerName()).isEqualTo("cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Pool");
        assertThat(endpoints.jwks()).isEqualTo(URI.create(
                "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Pool/.well-known/jwks.json"));
        assertThat(pool.hostedUi()).isEqualTo("https://fa-012.auth.ap-northeast-1.amazoncognito.com");
        assertThat(endpoints.aws()).isEmpty();
    }

    @Test
    void anEmulatorEndpointServesTheJwksButTheIssuerStaysAws() {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.aws-endpoint", "http://127.0.0.1:5000/");
        assertThat(endpoints(properties, 8080).jwks())
                .isEqualTo(URI.create("http://127.0.0.1:5000/ap-northeast-1_Pool/.well-known/jwks.json"));
        assertThat(PortalConfigParts.pool(config(properties)).issuer()).startsWith("https://cognito-idp.ap-northeast-1.amazonaws.com/");
    }

    @Test
    void localModeNeedsNothingAndCallsItsOwnPort() {
        PortalConfig local = config(Map.of("portal.mode", "local"));
        CognitoPool pool = PortalConfigParts.pool(local);

        assertThat(endpoints(Map.of("portal.mode", "local"), 9090).aws()).contains(URI.create("http://localhost:9090/local"));
        assertThat(PortalConfigParts.parameters(local))
                .isEqualTo(new ParameterScope("fa-012-authenticated", java.util.List.of("/portal/public", "/portal/ops")));
        assertThat(pool.hostedUi()).isEqualTo("/local");
        assertThat(pool.issuer()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalDemo");
    }

    private static Map<String, String> awsMode() {
        return Map.of("portal.mode", "aws", "portal.region", "ap-northeast-1",
                "portal.user-pool-id", "ap-northeast-1_Pool", "portal.client-id", "client",
                "portal.identity-pool-id", "ap-northeast-1:0000", "portal.hosted-ui-domain", "fa-012.auth.ap-northeast-1.amazoncognito.com",
                "portal.parameter-name", "fa-012-authenticated", "portal.public-url", "https://portal.example.com");
    }

    @Test
    void awsModeNeedsThePublicUrl() {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.remove("portal.public-url");

        assertThatThrownBy(() -> resolveAll(properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_PUBLIC_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "portal.example.com", "ftp://portal.example.com", "https://portal.example.com/app",
            "https://portal.example.com?x=1", "https://user@portal.example.com" })
    void thePublicUrlMustBeAnOrigin(String url) {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.public-url", url);

        assertThatThrownBy(() -> resolveAll(properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be the app's public origin");
    }

    @Test
    void theImplicitFlowIsTheDefaultAndCodeIsChosenByName() {
        assertThat(config(awsMode()).codeFlow()).isFalse();

        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.oauth-flow", "code");
        properties.put("portal.session-secret", "0123456789abcdef0123456789abcdef");
        resolveAll(properties);
        assertThat(config(properties).codeFlow()).isTrue();
    }

    @Test
    void awsModeWithTheCodeFlowNeedsTheSessionSecret() {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.oauth-flow", "code");

        assertThatThrownBy(() -> resolveAll(properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SESSION_SECRET");
    }

    @Test
    void aSessionSecretShorterThan32CharactersStopsTheStartWithoutQuotingIt() {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.oauth-flow", "code");
        properties.put("portal.session-secret", "short-secret-value");

        assertThatThrownBy(() -> resolveAll(properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SESSION_SECRET must be at least 32")
                .hasMessageNotContaining("short-secret-value");
    }

    @Test
    void awsModeKeepsTheGivenSessionSecretAndNeverPrintsIt() {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.oauth-flow", "code");
        properties.put("portal.session-secret", "0123456789abcdef0123456789abcdef");
        SessionSecret secret = PortalConfigParts.sessionSecret(config(properties));

        assertThat(secret.reveal()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(secret.toString()).doesNotContain("0123456789abcdef0123456789abcdef");
    }

    @Test
    void localModeMakesASessionSecretPerStart() {
        SessionSecret first = PortalConfigParts.sessionSecret(config(Map.of("portal.mode", "local")));
        SessionSecret second = PortalConfigParts.sessionSecret(config(Map.of("portal.mode", "local")));

        assertThat(first.reveal()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second.reveal());
    }

    @Test
    void aBareHostedUiDomainIsReachedOverHttpsAndRedeemsCodesAtItsTokenEndpoint() {
        assertThat(endpoints(awsMode(), 8080).token())
                .isEqualTo(URI.create("https://fa-012.auth.ap-northeast-1.amazoncognito.com/oauth2/token"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:18500", "http://127.0.0.1:18500/", "https://auth.example.test" })
    void aHostedUiDomainWithAnExplicitSchemeIsUsedAsIs(String domain) {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.hosted-ui-domain", domain);
        String origin = domain.replaceAll("/$", "");
        assertThat(PortalConfigParts.pool(config(properties)).hostedUi()).isEqualTo(origin);
        assertThat(endpoints(properties, 8080).token()).isEqualTo(URI.create(origin + "/oauth2/token"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://auth.example.test", "auth.example.test/login", "http://auth.example.test/x",
            "https://user@auth.example.test", "auth example" })
    void aHostedUiDomainThatIsNoHostOrOriginStopsTheStart(String domain) {
        Map<String, String> properties = new java.util.HashMap<>(awsMode());
        properties.put("portal.hosted-ui-domain", domain);

        assertThatThrownBy(() -> resolveAll(properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_HOSTED_UI_DOMAIN must be");
    }

    @Test
    void localModeRedeemsCodesAtItsOwnTokenEndpoint() {
        CognitoEndpoints endpoints = endpoints(Map.of("portal.mode", "local"), 9090);

        assertThat(endpoints.token()).isEqualTo(URI.create("http://localhost:9090/local/oauth2/token"));
        assertThat(endpoints.jwks()).isEqualTo(URI.create("http://localhost:9090/local/us-east-1_LocalDemo/.well-known/jwks.json"));
    }

    /** Every part the start resolves (StartupCheck), so that each refusal is seen. */
    private static void resolveAll(Map<String, String> properties) {
        PortalConfig config = config(properties);
        PortalConfigParts.pool(config);
        PortalConfigParts.parameters(config);
        PortalConfigParts.sessionSecret(config);
    }

    private static CognitoEndpoints endpoints(Map<String, String> properties, int ownPort) {
        PortalConfig config = config(properties);
        return PortalConfigParts.endpoints(config, PortalConfigParts.pool(config), () -> ownPort);
    }

    private static PortalConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(PortalConfig.class)
                // Quarkus' own converter: "30s" is a Quarkus duration, not an ISO-8601 one.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new MapBackedConfigSource("test", properties) {
                })
                .build();
        return config.getConfigMapping(PortalConfig.class);
    }
}
