package io.parameterportal.config;

/**
 * The user pool, its app client and the identity pool the portal works with, resolved at start from
 * {@link PortalConfig} (local mode's stand-in defaults applied; aws mode's missing settings stop the start).
 *
 * @param issuer the issuer Cognito writes into its tokens, always the real AWS form, also behind an emulator
 * @param providerName the identity provider name the identity pool expects as key of {@code Logins}
 * @param hostedUi where the browser meets the hosted UI: its https origin, or in local mode the path {@code /local}
 *        on the app's own origin
 */
public record CognitoPool(String region, String userPoolId, String clientId, String identityPoolId, String issuer,
        String providerName, String hostedUi) {

    static CognitoPool of(String region, String userPoolId, String clientId, String identityPoolId, String hostedUi) {
        String providerName = "cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        return new CognitoPool(region, userPoolId, clientId, identityPoolId, "https://" + providerName, providerName, hostedUi);
    }
}
