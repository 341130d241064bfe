package io.parameterportal.deploy;

import static io.parameterportal.deploy.Templates.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** deploy/cognito.yaml read as data: the user pool, app client, identity pool, roles, parameters and key. */
class CognitoTemplateTest {

    private static final Map<String, Object> PARAMETER_ARN = parameterArn("${AuthenticatedParameter}");

    private final Map<String, Object> cognito = cognito();

    @Test
    void userPoolSignsInWithEmailAndRequiresName() {
        Map<String, Object> pool = properties(cognito, "UserPool", "AWS::Cognito::UserPool");

        assertThat(pool.get("UsernameAttributes")).isEqualTo(List.of("email"));
        Map<String, Object> name = list(pool.get("Schema")).stream().map(Templates::map)
                .filter(attribute -> "name".equals(attribute.get("Name")))
                .findFirst().orElseThrow(() -> new AssertionError("no `name` attribute in the schema"));
        assertThat(name.get("Required")).isEqualTo(true);
    }

    @Test
    void userPoolCannotBeDeletedUntilProtectionIsTurnedOff() {
        Map<String, Object> pool = properties(cognito, "UserPool", "AWS::Cognito::UserPool");

        assertThat(pool.get("DeletionProtection")).isEqualTo(ref("UserPoolDeletionProtection"));
        assertThat(parameterDefault(cognito, "UserPoolDeletionProtection")).isEqualTo("ACTIVE");
        assertThat(resource(cognito, "UserPool").get("UpdateReplacePolicy")).as("a replacing update keeps the old pool")
                .isEqualTo("Retain");
    }

    @Test
    void mfaIsOffByDefaultAndOtherwiseUsesOnlyAnAuthenticatorApp() {
        Map<String, Object> pool = properties(cognito, "UserPool", "AWS::Cognito::UserPool");

        assertThat(pool.get("MfaConfiguration")).isEqualTo(ref("MfaMode"));
        assertThat(map(map(cognito.get("Parameters")).get("MfaMode")).get("AllowedValues")).isEqualTo(List.of("OFF", "OPTIONAL", "ON"));
        assertThat(parameterDefault(cognito, "MfaMode")).isEqualTo("OFF");
        assertThat(pool.get("EnabledMfas")).as("TOTP only: no SMS, no email codes")
                .isEqualTo(Map.of("Fn::If", List.of("MfaOff", ref("AWS::NoValue"), List.of("SOFTWARE_TOKEN_MFA"))));
        assertThat(condition(cognito, "MfaOff")).isEqualTo(Map.of("Fn::Equals", List.of(ref("MfaMode"), "OFF")));
    }

    @Test
    void threatProtectionIsOffByDefaultAndMovesThePoolToThePlusPlanOnlyWhenOn() {
        Map<String, Object> pool = properties(cognito, "UserPool", "AWS::Cognito::UserPool");

        assertThat(pool.get("UserPoolAddOns")).isEqualTo(Map.of("AdvancedSecurityMode", ref("ThreatProtection")));
        assertThat(map(map(cognito.get("Parameters")).get("ThreatProtection")).get("AllowedValues"))
                .isEqualTo(List.of("OFF", "AUDIT", "ENFORCED"));
        assertThat(parameterDefault(cognito, "ThreatProtection")).as("it is billed per active user").isEqualTo("OFF");
        assertThat(pool.get("UserPoolTier")).isEqualTo(Map.of("Fn::If", List.of("ThreatProtectionOn", "PLUS", "ESSENTIALS")));
        assertThat(condition(cognito, "ThreatProtectionOn"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref("ThreatProtection"), "OFF")))));
    }

    @Test
    void appClientOpensNoApiSignInFlowBecauseUsersSignInOnlyOnTheHostedUi() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertThat(client.get("ExplicitAuthFlows")).isEqualTo(List.of("ALLOW_REFRESH_TOKEN_AUTH"));
    }

    @Test
    void idTokensLiveFifteenMinutesByDefaultAndBothLifetimesAreParameters() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertThat(client.get("IdTokenValidity")).isEqualTo(ref("IdTokenValidityMinutes"));
        assertThat(client.get("AccessTokenValidity")).isEqualTo(ref("IdTokenValidityMinutes"));
        assertThat(client.get("RefreshTokenValidity")).isEqualTo(ref("RefreshTokenValidityMinutes"));
        assertThat(client.get("TokenValidityUnits"))
                .isEqualTo(Map.of("IdToken", "minutes", "AccessToken", "minutes", "RefreshToken", "minutes"));
        Map<String, Object> idTokens = map(map(cognito.get("Parameters")).get("IdTokenValidityMinutes"));
        assertThat(idTokens).as("the revocation window: 15 minutes, within Cognito's 5 minutes to 1 day")
                .containsEntry("Default", 15).containsEntry("MinValue", 5).containsEntry("MaxValue", 1440);
        Map<String, Object> refreshTokens = map(map(cognito.get("Parameters")).get("RefreshTokenValidityMinutes"));
        assertThat(refreshTokens).as("Cognito's range: 60 minutes to 10 years")
                .containsEntry("MinValue", 60).containsEntry("MaxValue", 5256000);
        assertThat((Integer) refreshTokens.get("Default")).isGreaterThan(15);
    }

    @Test
    void appClientAllowsRevokingRefreshTokensAndHidesWhetherAUserExists() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertThat(client.get("EnableTokenRevocation")).as("/oauth2/revoke answers only with this on").isEqualTo(true);
        assertThat(client.get("PreventUserExistenceErrors")).isEqualTo("ENABLED");
    }

    @Test
    void appClientAllowsOnlyTheChosenGrantWithOpenidProfileAndHttpsSigninSignoutUrls() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertThat(client.get("UserPoolId")).isEqualTo(ref("UserPool"));
        assertThat(client.get("AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
        assertThat(client.get("AllowedOAuthFlows")).as("one grant, never both").isEqualTo(List.of(ref("OAuthFlow")));
        assertThat(list(client.get("AllowedOAuthScopes"))).containsExactlyInAnyOrder("openid", "profile");
        assertThat(client.get("SupportedIdentityProviders")).isEqualTo(List.of("COGNITO"));
        assertThat(client.get("CallbackURLs")).isEqualTo(List.of(sub("https://${DomainName}/signin")));
        assertThat(client.get("LogoutURLs")).isEqualTo(List.of(sub("https://${DomainName}/signout")));
        assertThat(client.get("GenerateSecret")).as("a browser client has no secret").isNotEqualTo(true);
    }

    @Test
    void oauthFlowIsImplicitByDefaultOrCodeAndReachesTheTasks() {
        Map<String, Object> parameter = map(map(cognito.get("Parameters")).get("OAuthFlow"));

        assertThat(parameter.get("AllowedValues")).isEqualTo(List.of("implicit", "code"));
        assertThat(parameter.get("Default")).as("the seed's flow").isEqualTo("implicit");
        assertThat(exports(cognito)).contains("OAuthFlow");
        assertThat(environment().get("PORTAL_OAUTH_FLOW")).isEqualTo(Map.of("Fn::ImportValue", sub("${CognitoStackName}-OAuthFlow")));
    }

    @Test
    void hostedUiDomainBelongsToTheUserPool() {
        Map<String, Object> domain = properties(cognito, "UserPoolDomain", "AWS::Cognito::UserPoolDomain");

        assertThat(domain.get("Domain")).isEqualTo(ref("HostedUiDomainPrefix"));
        assertThat(domain.get("UserPoolId")).isEqualTo(ref("UserPool"));
    }

    @Test
    void identityPoolAllowsNoUnauthenticatedIdentitiesAndRefusesRevokedTokens() {
        Map<String, Object> pool = properties(cognito, "IdentityPool", "AWS::Cognito::IdentityPool");

        assertThat(pool.get("AllowUnauthenticatedIdentities")).isEqualTo(false);
        assertThat(pool.get("AllowClassicFlow")).isNotEqualTo(true);
        List<Object> providers = list(pool.get("CognitoIdentityProviders"));
        assertThat(providers).hasSize(1);
        Map<String, Object> provider = map(providers.get(0));
        assertThat(provider.get("ProviderName")).isEqualTo(sub("cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}"));
        assertThat(provider.get("ClientId")).isEqualTo(ref("UserPoolClient"));
        assertThat(provider.get("ServerSideTokenCheck")).as("the identity pool asks whether the token was revoked")
                .isEqualTo(true);
        assertThat(pool).as("no other identity providers")
                .doesNotContainKeys("SupportedLoginProviders", "OpenIdConnectProviderARNs", "SamlProviderARNs");
    }

    @Test
    void everyRoleInTheCognitoStackTrustsOnlyAuthenticatedIdentitiesOfThisIdentityPool() {
        Map<String, Object> roles = resourcesOfType(cognito, "AWS::IAM::Role");
        assertThat(roles.keySet()).containsExactlyInAnyOrder("AuthenticatedRole", "OpsRole");

        for (String name : roles.keySet()) {
            List<Map<String, Object>> trust = statements(properties(cognito, name, "AWS::IAM::Role").get("AssumeRolePolicyDocument"));
            assertThat(trust).as(name).hasSize(1);
            Map<String, Object> statement = trust.get(0);
            assertThat(statement.get("Effect")).as(name).isEqualTo("Allow");
            assertThat(statement.get("Principal")).as(name).isEqualTo(Map.of("Federated", "cognito-identity.amazonaws.com"));
            assertThat(list(statement.get("Action"))).as(name).containsExactly("sts:AssumeRoleWithWebIdentity");
            assertThat(statement.get("Condition")).as(name).isEqualTo(Map.of(
                    "StringEquals", Map.of("cognito-identity.amazonaws.com:aud", ref("IdentityPool")),
                    "ForAnyValue:StringLike", Map.of("cognito-identity.amazonaws.com:amr", "authenticated")));
        }
    }

    @Test
    void identityPoolTakesTheRoleFromTheTokenAndRefusesAmbiguousTokens() {
        Map<String, Object> attachment = properties(cognito, "IdentityPoolRoleAttachment",
                "AWS::Cognito::IdentityPoolRoleAttachment");

        assertThat(attachment.get("IdentityPoolId")).isEqualTo(ref("IdentityPool"));
        assertThat(attachment.get("Roles")).as("a default authenticated role and no unauthenticated one")
                .isEqualTo(Map.of("authenticated", getAtt("AuthenticatedRole", "Arn")));
        Map<String, Object> mappings = map(attachment.get("RoleMappings"));
        assertThat(mappings).hasSize(1);
        assertThat(mappings.values().iterator().next()).isEqualTo(Map.of(
                "IdentityProvider", sub("cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}:${UserPoolClient}"),
                "Type", "Token",
                "AmbiguousRoleResolution", "Deny"));
    }

    @Test
    void opsGroupHandsOutTheOpsRoleAheadOfTheReadersGroupsAuthenticatedRole() {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        for (String name : resourcesOfType(cognito, "AWS::Cognito::UserPoolGroup").keySet()) {
            Map<String, Object> group = properties(cognito, name, "AWS::Cognito::UserPoolGroup");
            assertThat(group.get("UserPoolId")).isEqualTo(ref("UserPool"));
            groups.put((String) group.get("GroupName"), group);
        }

        assertThat(groups.keySet()).containsExactlyInAnyOrder("ops", "readers");
        assertThat(groups.get("ops").get("RoleArn")).isEqualTo(getAtt("OpsRole", "Arn"));
        assertThat(groups.get("ops").get("Precedence")).as("lowest wins: a member of both prefers ops").isEqualTo(1);
        assertThat(groups.get("readers").get("RoleArn")).isEqualTo(getAtt("AuthenticatedRole", "Arn"));
        assertThat(groups.get("readers").get("Precedence")).isEqualTo(2);
    }

    @Test
    void authenticatedRoleReadsTheSeedParameterAndListsOnlyThePublicPath() {
        Map<String, Object> role = properties(cognito, "AuthenticatedRole", "AWS::IAM::Role");

        assertThat(resourcesByAction(role)).isEqualTo(Map.of(
                "ssm:GetParameter", List.of(PARAMETER_ARN),
                "ssm:GetParametersByPath", List.of(parameterArn("${Prefix}/public"), parameterArn("${Prefix}/public/*"))));
        assertThat(grants(role)).allSatisfy(statement -> assertThat(statement).doesNotContainKey("Condition"));
    }

    @Test
    void authenticatedRoleCannotReachAnythingUnderTheOpsPath() {
        Map<String, Object> role = properties(cognito, "AuthenticatedRole", "AWS::IAM::Role");
        List<String> opsArns = List.of("${Prefix}/ops", "${Prefix}/ops/db-url", "${Prefix}/ops/api-key", "${Prefix}/ops/a/b")
                .stream().map(name -> (String) parameterArn(name).get("Fn::Sub")).toList();

        for (Map<String, Object> statement : grants(role)) {
            for (Object resource : list(statement.get("Resource"))) {
                String arn = (String) map(resource).get("Fn::Sub");
                assertThat(opsArns).as(statement.get("Action") + " on " + arn).noneMatch(ops -> iamMatches(arn, ops));
            }
        }
        assertThat(strings(role)).as("no KMS right: the ops key is for the ops role").noneMatch(text -> text.startsWith("kms:"));
    }

    @Test
    void opsRoleAddsTheOpsPathAndDecryptsOnlyOpsSecureStringsThroughSsm() {
        Map<String, Object> role = properties(cognito, "OpsRole", "AWS::IAM::Role");

        assertThat(resourcesByAction(role)).isEqualTo(Map.of(
                "ssm:GetParameter", List.of(PARAMETER_ARN),
                "ssm:GetParametersByPath", List.of(parameterArn("${Prefix}/public"), parameterArn("${Prefix}/public/*"),
                        parameterArn("${Prefix}/ops"), parameterArn("${Prefix}/ops/*")),
                "kms:Decrypt", List.of(getAtt("ParametersKey", "Arn"))));
        Map<String, Object> decrypt = grants(role).stream()
                .filter(statement -> list(statement.get("Action")).contains("kms:Decrypt")).findFirst().orElseThrow();
        assertThat(decrypt.get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("kms:ViaService", sub("ssm.${AWS::Region}.amazonaws.com")),
                "StringLike", Map.of("kms:EncryptionContext:PARAMETER_ARN", parameterArn("${Prefix}/ops/*"))));
    }

    @Test
    void identityPoolRolesHoldOnlyTheirOwnReviewedInlineGrants() {
        assertThat(resourcesOfType(cognito, "AWS::IAM::Policy")).as("no policy attached from elsewhere").isEmpty();
        assertThat(resourcesOfType(cognito, "AWS::IAM::ManagedPolicy")).as("no policy attached from elsewhere").isEmpty();
        for (String name : List.of("AuthenticatedRole", "OpsRole")) {
            Map<String, Object> role = properties(cognito, name, "AWS::IAM::Role");
            assertThat(role).as(name + ": a managed policy's rights would be unreviewed here")
                    .doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
            for (Map<String, Object> statement : grants(role)) {
                assertThat(statement.get("Effect")).as(name).isEqualTo("Allow");
                assertThat(statement).as(name).doesNotContainKeys("NotAction", "NotResource", "NotPrincipal");
                assertThat(list(statement.get("Resource"))).as(name + ": no resource is just *")
                        .noneMatch(resource -> "*".equals(resource) || sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/*").equals(resource));
            }
        }
    }

    @Test
    void parametersLiveUnderThePrefixAsPlainStrings() {
        Map<String, Object> seed = properties(cognito, "AuthenticatedParameter", "AWS::SSM::Parameter");
        assertThat(seed.get("Name")).isEqualTo(sub("${Prefix}-authenticated"));
        assertThat(seed.get("Type")).isEqualTo("String");
        assertThat(seed.get("Value")).isEqualTo("Authenticated");
        assertThat(parameterDefault(cognito, "Prefix")).isEqualTo("fa-012");

        Map<String, Object> motd = properties(cognito, "PublicMotdParameter", "AWS::SSM::Parameter");
        assertThat(motd.get("Name")).isEqualTo(sub("/${Prefix}/public/motd"));
        assertThat(motd.get("Type")).isEqualTo("String");
        Map<String, Object> dbUrl = properties(cognito, "OpsDbUrlParameter", "AWS::SSM::Parameter");
        assertThat(dbUrl.get("Name")).isEqualTo(sub("/${Prefix}/ops/db-url"));
        assertThat(dbUrl.get("Type")).as("CloudFormation creates no SecureString; see deploy/README.md").isEqualTo("String");
        assertThat(resourcesOfType(cognito, "AWS::SSM::Parameter").keySet())
                .containsExactlyInAnyOrder("AuthenticatedParameter", "PublicMotdParameter", "OpsDbUrlParameter");
    }

    @Test
    void parametersKeyRotatesAndLeavesEveryUseToIamPoliciesOfTheAccount() {
        Map<String, Object> key = properties(cognito, "ParametersKey", "AWS::KMS::Key");

        assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
        List<Map<String, Object>> policy = statements(key.get("KeyPolicy"));
        assertThat(policy).as("one statement: the account's own IAM policies decide").hasSize(1);
        assertThat(policy.get(0).get("Effect")).isEqualTo("Allow");
        assertThat(policy.get(0).get("Principal")).isEqualTo(Map.of("AWS", sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")));
        assertThat(resource(cognito, "ParametersKey").get("UpdateReplacePolicy")).as("old SecureStrings stay readable")
                .isEqualTo("Retain");
        assertThat(properties(cognito, "ParametersKeyAlias", "AWS::KMS::Alias").get("TargetKeyId")).isEqualTo(ref("ParametersKey"));
    }

    @Test
    void cognitoStackExportsThePathsAndTheKeyAndTheTasksListThePaths() {
        assertThat(exports(cognito)).contains("ParameterPaths", "PublicParameterPath", "OpsParameterPath",
                "ParametersKeyId", "ParametersKeyArn");
        assertThat(map(map(cognito.get("Outputs")).get("ParameterPaths")).get("Value"))
                .isEqualTo(sub("/${Prefix}/public,/${Prefix}/ops"));
        assertThat(environment().get("PORTAL_PARAMETER_PATHS"))
                .isEqualTo(Map.of("Fn::ImportValue", sub("${CognitoStackName}-ParameterPaths")));
    }
}
