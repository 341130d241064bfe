package io.parameterportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security-relevant promises of the CloudFormation templates in {@code deploy/}, read as data.
 * Plain JUnit (no Quarkus boot): the templates are files next to the sources. cfn-lint
 * ({@code deploy/lint.sh}) checks them against the resource schemas; these tests check intent.
 */
class DeployTemplatesTest {

    private static final Path DEPLOY = Path.of("deploy");

    /**
     * Every setting the app reads in aws mode that comes from the cognito stack: the table "How the
     * Cognito settings reach the tasks" in deploy/README.md.
     */
    private static final List<String> PORTAL_SETTINGS = List.of(
            "PORTAL_USER_POOL_ID", "PORTAL_CLIENT_ID", "PORTAL_IDENTITY_POOL_ID", "PORTAL_HOSTED_UI_DOMAIN",
            "PORTAL_PARAMETER_NAME", "PORTAL_PUBLIC_URL", "PORTAL_OAUTH_FLOW", "PORTAL_PARAMETER_PATHS");

    private static final Map<String, Object> PARAMETER_ARN = parameterArn("${AuthenticatedParameter}");

    private static Map<String, Object> cognito;
    private static Map<String, Object> registry;
    private static Map<String, Object> service;

    @BeforeAll
    static void loadTemplates() {
        cognito = CloudFormationYaml.load(DEPLOY.resolve("cognito.yaml"));
        registry = CloudFormationYaml.load(DEPLOY.resolve("registry.yaml"));
        service = CloudFormationYaml.load(DEPLOY.resolve("service.yaml"));
    }

    // ---- the reader ----------------------------------------------------------------------------

    @Test
    void shortFormTagsAreReadAsTheirLongForms() {
        Map<String, Object> parsed = CloudFormationYaml.parse("""
                ref: !Ref Thing
                sub: !Sub "${AWS::Region}-x"
                subList: !Sub ["${A}", {A: b}]
                getAtt: !GetAtt Role.Arn
                getAttList: !GetAtt [Role, Arn]
                if: !If [Cond, a, b]
                equals: !Equals [a, b]
                not: !Not [!Condition Cond]
                and: !And [!Condition A, !Condition B]
                or: !Or [!Condition A, !Condition B]
                join: !Join [",", [a, b]]
                select: !Select [0, !GetAZs ""]
                split: !Split [",", "a,b"]
                import: !ImportValue {Fn::Sub: "${S}-Id"}
                findInMap: !FindInMap [M, k, v]
                base64: !Base64 text
                cidr: !Cidr ["10.0.0.0/16", 4, 8]
                contains: !Contains [[a], !Ref P]
                """);

        assertThat(parsed.get("ref")).isEqualTo(Map.of("Ref", "Thing"));
        assertThat(parsed.get("sub")).isEqualTo(sub("${AWS::Region}-x"));
        assertThat(parsed.get("subList")).isEqualTo(Map.of("Fn::Sub", List.of("${A}", Map.of("A", "b"))));
        assertThat(parsed.get("getAtt")).isEqualTo(getAtt("Role", "Arn"));
        assertThat(parsed.get("getAttList")).isEqualTo(getAtt("Role", "Arn"));
        assertThat(parsed.get("if")).isEqualTo(Map.of("Fn::If", List.of("Cond", "a", "b")));
        assertThat(parsed.get("equals")).isEqualTo(Map.of("Fn::Equals", List.of("a", "b")));
        assertThat(parsed.get("not")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "Cond"))));
        assertThat(parsed.get("and")).isEqualTo(Map.of("Fn::And", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))));
        assertThat(parsed.get("or")).isEqualTo(Map.of("Fn::Or", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))));
        assertThat(parsed.get("join")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
        assertThat(parsed.get("select")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
        assertThat(parsed.get("split")).isEqualTo(Map.of("Fn::Split", List.of(",", "a,b")));
        assertThat(parsed.get("import")).isEqualTo(Map.of("Fn::ImportValue", sub("${S}-Id")));
        assertThat(parsed.get("findInMap")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k", "v")));
        assertThat(parsed.get("base64")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(parsed.get("cidr")).isEqualTo(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)));
        assertThat(parsed.get("contains")).isEqualTo(Map.of("Fn::Contains", List.of(List.of("a"), ref("P"))));
    }

    // ---- cognito.yaml ----------------------------------------------------------------------------

    @Test
    void userPoolSignsInWithEmailAndRequiresName() {
        Map<String, Object> pool = properties(cognito, "UserPool", "AWS::Cognito::UserPool");

        assertThat(pool.get("UsernameAttributes")).isEqualTo(List.of("email"));
        Map<String, Object> name = list(pool.get("Schema")).stream().map(DeployTemplatesTest::map)
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
    void tokensLiveOneHourAndRefreshTokensNoLonger() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertThat(client.get("IdTokenValidity")).isEqualTo(60);
        assertThat(client.get("AccessTokenValidity")).isEqualTo(60);
        assertThat(client.get("RefreshTokenValidity")).as("Cognito's minimum: 60 minutes").isEqualTo(60);
        assertThat(client.get("TokenValidityUnits"))
                .isEqualTo(Map.of("IdToken", "minutes", "AccessToken", "minutes", "RefreshToken", "minutes"));
    }

    @Test
    void appClientRevokesTokensOnSignOutAndHidesWhetherAUserExists() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertThat(client.get("EnableTokenRevocation")).isEqualTo(true);
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

    @Test
    void everyImportedValueIsExportedByTheStackItNames() {
        Map<String, Map<String, Object>> exporters = Map.of("${CognitoStackName}-", cognito, "${RegistryStackName}-", registry);
        List<String> imported = new ArrayList<>();
        collect(service, "Fn::ImportValue", value -> imported.add((String) map(value).get("Fn::Sub")));

        assertThat(imported).isNotEmpty();
        for (String name : imported) {
            String stack = exporters.keySet().stream().filter(name::startsWith).findFirst()
                    .orElseThrow(() -> new AssertionError("import from an unknown stack: " + name));
            assertThat(exports(exporters.get(stack))).as("exports for " + name)
                    .contains(name.substring(stack.length()));
        }
    }

    // ---- registry.yaml ---------------------------------------------------------------------------

    @Test
    void repositoryScansOnPushKeepsTagsImmutableAndExpiresOldImages() {
        Map<String, Object> repository = properties(registry, "Repository", "AWS::ECR::Repository");

        assertThat(repository.get("ImageScanningConfiguration")).isEqualTo(Map.of("ScanOnPush", true));
        assertThat(repository.get("ImageTagMutability")).isEqualTo("IMMUTABLE");
        String lifecycle = (String) map(map(repository.get("LifecyclePolicy")).get("LifecyclePolicyText")).get("Fn::Sub");
        assertThat(lifecycle).contains("\"type\": \"expire\"");
    }

    // ---- service.yaml: IAM -----------------------------------------------------------------------

    @Test
    void taskRoleHoldsNoPermissions() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");
        assertThat(task.get("TaskRoleArn")).isEqualTo(getAtt("TaskRole", "Arn"));
        Map<String, Object> role = properties(service, "TaskRole", "AWS::IAM::Role");

        assertThat(role).as("the task role has neither an inline nor a managed policy")
                .doesNotContainKeys("Policies", "ManagedPolicyArns");
        assertThat(resourcesOfType(service, "AWS::IAM::Policy")).as("no policy attached from elsewhere").isEmpty();
        assertThat(resourcesOfType(service, "AWS::IAM::ManagedPolicy")).as("no policy attached from elsewhere").isEmpty();
        assertThat(strings(role)).as("no ssm:*, cognito-* or * action on the task role")
                .noneMatch(text -> text.startsWith("ssm:") || text.startsWith("cognito-") || text.equals("*"));
        List<Map<String, Object>> trust = statements(role.get("AssumeRolePolicyDocument"));
        assertThat(trust).hasSize(1);
        assertThat(trust.get(0).get("Principal")).isEqualTo(Map.of("Service", "ecs-tasks.amazonaws.com"));
    }

    @Test
    void executionRolePullsOnlyFromTheRegistryRepositoryAndWritesOnlyToTheLogGroup() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");
        assertThat(task.get("ExecutionRoleArn")).isEqualTo(getAtt("ExecutionRole", "Arn"));
        Map<String, Object> role = properties(service, "ExecutionRole", "AWS::IAM::Role");
        assertThat(role).as("no managed policy: AmazonECSTaskExecutionRolePolicy grants its actions on *")
                .doesNotContainKey("ManagedPolicyArns");

        Map<Object, Object> resourceByAction = new LinkedHashMap<>();
        for (Map<String, Object> statement : grants(role)) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(statement).doesNotContainKeys("NotAction", "NotResource", "Condition");
            for (Object action : list(statement.get("Action"))) {
                assertThat(resourceByAction.put(action, statement.get("Resource"))).as("granted twice: " + action).isNull();
            }
        }
        Object repository = Map.of("Fn::ImportValue", sub("${RegistryStackName}-RepositoryArn"));
        assertThat(resourceByAction).isEqualTo(Map.of(
                "ecr:GetAuthorizationToken", "*",
                "ecr:BatchCheckLayerAvailability", repository,
                "ecr:GetDownloadUrlForLayer", repository,
                "ecr:BatchGetImage", repository,
                "logs:CreateLogStream", getAtt("LogGroup", "Arn"),
                "logs:PutLogEvents", getAtt("LogGroup", "Arn")));
    }

    @Test
    void noPolicyGrantsWildcardActionsOrResourcesButTheRegistrySignIn() {
        List<Map<String, Object>> checked = new ArrayList<>();
        for (Map<String, Object> template : List.of(cognito, registry, service)) {
            collect(template, "PolicyDocument", document -> {
                for (Map<String, Object> statement : statements(document)) {
                    checked.add(statement);
                    assertThat(list(statement.get("Action"))).as("actions")
                            .noneMatch(action -> String.valueOf(action).contains("*"));
                    if (list(statement.get("Action")).equals(List.of("ecr:GetAuthorizationToken"))) {
                        continue; // IAM evaluates this action only against "*"
                    }
                    assertThat(list(statement.get("Resource"))).as("resources of " + statement.get("Action"))
                            .noneMatch(resource -> strings(resource).anyMatch("*"::equals));
                }
            });
        }
        // The roles' inline policies are the statements checked: a visitor that found none proved nothing.
        assertThat(checked).as("policy statements checked").hasSizeGreaterThanOrEqualTo(1);
    }

    // ---- service.yaml: load balancer and network --------------------------------------------------

    @Test
    void httpsListenerServesPort443WithTheCertificateAndTls13Policy() {
        Map<String, Object> https = properties(service, "HttpsListener", "AWS::ElasticLoadBalancingV2::Listener");

        assertThat(https.get("LoadBalancerArn")).isEqualTo(ref("LoadBalancer"));
        assertThat(https.get("Protocol")).isEqualTo("HTTPS");
        assertThat(https.get("Port")).isEqualTo(443);
        assertThat(https.get("Certificates")).isEqualTo(List.of(Map.of("CertificateArn", ref("CertificateArn"))));
        assertThat(https.get("SslPolicy")).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(https.get("DefaultActions")).isEqualTo(List.of(Map.of("Type", "forward", "TargetGroupArn", ref("TargetGroup"))));
    }

    @Test
    void httpListenerOnPort80OnlyRedirectsToHttps() {
        Map<String, Object> http = properties(service, "HttpListener", "AWS::ElasticLoadBalancingV2::Listener");

        assertThat(http.get("Protocol")).isEqualTo("HTTP");
        assertThat(http.get("Port")).isEqualTo(80);
        List<Object> actions = list(http.get("DefaultActions"));
        assertThat(actions).as("one action: the redirect").hasSize(1);
        Map<String, Object> action = map(actions.get(0));
        assertThat(action.get("Type")).isEqualTo("redirect");
        assertThat(action).doesNotContainKey("TargetGroupArn");
        Map<String, Object> redirect = map(action.get("RedirectConfig"));
        assertThat(redirect.get("Protocol")).isEqualTo("HTTPS");
        assertThat(String.valueOf(redirect.get("Port"))).isEqualTo("443");
        assertThat(redirect.get("StatusCode")).isEqualTo("HTTP_301");

        assertThat(resourcesOfType(service, "AWS::ElasticLoadBalancingV2::Listener").keySet()).as("no other listener")
                .containsExactlyInAnyOrder("HttpsListener", "HttpListener");
        for (Object rule : resourcesOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule").values()) {
            assertThat(map(map(rule).get("Properties")).get("ListenerArn")).as("no rule on the plain HTTP listener")
                    .isEqualTo(ref("HttpsListener"));
        }
    }

    @Test
    void healthChecksAskForReadinessOnTheManagementPortWhileTrafficGoesToTheAppPort() {
        Map<String, Object> group = properties(service, "TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup");

        assertThat(group.get("TargetType")).isEqualTo("ip");
        assertThat(group.get("Port")).as("traffic port").isEqualTo(8080);
        assertThat(group.get("HealthCheckPort")).isEqualTo("9000");
        assertThat(group.get("HealthCheckPath")).isEqualTo("/q/health/ready");
        assertThat(environment().get("QUARKUS_MANAGEMENT_PORT")).isEqualTo("9000");
    }

    @Test
    void managementPortIsNeverBehindAListener() {
        assertThat(resourcesOfType(service, "AWS::ElasticLoadBalancingV2::TargetGroup").keySet()).containsExactly("TargetGroup");
        assertThat(resourcesOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule"))
                .as("no rule needed: /q/... is not served on 8080, and 9000 is behind no listener").isEmpty();
        Map<String, Object> ecs = properties(service, "Service", "AWS::ECS::Service");
        assertThat(list(ecs.get("LoadBalancers"))).extracting(binding -> map(binding).get("ContainerPort"))
                .as("container ports registered with the target group").containsExactly(8080);
    }

    @Test
    void loadBalancerIsInternetFacingInTheLoadBalancerSubnets() {
        Map<String, Object> balancer = properties(service, "LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer");

        assertThat(balancer.get("Scheme")).isEqualTo("internet-facing");
        assertThat(balancer.get("Subnets")).isEqualTo(ref("LoadBalancerSubnetIds"));
        assertThat(balancer.get("SecurityGroups")).isEqualTo(List.of(ref("LoadBalancerSecurityGroup")));
    }

    @Test
    void wafIsOffByDefaultAndWhenOnBlocksAnIpOverTheRateLimit() {
        assertThat(parameterDefault(service, "EnableWaf")).isEqualTo("false");
        assertThat(condition(service, "Waf")).isEqualTo(Map.of("Fn::Equals", List.of(ref("EnableWaf"), "true")));
        assertThat(resource(service, "WebAcl").get("Condition")).isEqualTo("Waf");
        assertThat(resource(service, "WebAclAssociation").get("Condition")).isEqualTo("Waf");

        Map<String, Object> acl = properties(service, "WebAcl", "AWS::WAFv2::WebACL");
        assertThat(acl.get("Scope")).as("a load balancer takes a regional web ACL").isEqualTo("REGIONAL");
        assertThat(acl.get("DefaultAction")).isEqualTo(Map.of("Allow", Map.of()));
        List<Object> rules = list(acl.get("Rules"));
        assertThat(rules).hasSize(1);
        Map<String, Object> rule = map(rules.get(0));
        assertThat(rule.get("Action")).isEqualTo(Map.of("Block", Map.of()));
        assertThat(map(rule.get("Statement")).get("RateBasedStatement")).isEqualTo(Map.of(
                "Limit", ref("WafRateLimit"), "EvaluationWindowSec", 300, "AggregateKeyType", "IP"));
        assertThat((Integer) map(map(service.get("Parameters")).get("WafRateLimit")).get("MinValue"))
                .as("WAF's smallest rate limit").isGreaterThanOrEqualTo(10);

        Map<String, Object> association = properties(service, "WebAclAssociation", "AWS::WAFv2::WebACLAssociation");
        assertThat(association.get("ResourceArn")).isEqualTo(ref("LoadBalancer"));
        assertThat(association.get("WebACLArn")).isEqualTo(getAtt("WebAcl", "Arn"));
    }

    @Test
    void accessLogsAreOffUnlessABucketIsGiven() {
        assertThat(parameterDefault(service, "AccessLogBucket")).isEqualTo("");
        assertThat(condition(service, "AccessLogs"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref("AccessLogBucket"), "")))));
        Map<String, Object> balancer = properties(service, "LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer");
        List<Object> attributes = list(balancer.get("LoadBalancerAttributes"));

        assertThat(attributes).contains(
                Map.of("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"),
                Map.of("Key", "access_logs.s3.enabled", "Value", Map.of("Fn::If", List.of("AccessLogs", "true", "false"))),
                Map.of("Fn::If", List.of("AccessLogs",
                        Map.of("Key", "access_logs.s3.bucket", "Value", ref("AccessLogBucket")), ref("AWS::NoValue"))));
    }

    @Test
    void loadBalancerSecurityGroupAdmitsOnlyHttpAndHttps() {
        Map<String, Object> group = properties(service, "LoadBalancerSecurityGroup", "AWS::EC2::SecurityGroup");

        Set<Integer> ports = new TreeSet<>();
        for (Object item : list(group.get("SecurityGroupIngress"))) {
            Map<String, Object> rule = map(item);
            assertThat(rule.get("IpProtocol")).isEqualTo("tcp");
            assertThat(rule.get("ToPort")).as("single ports, no ranges").isEqualTo(rule.get("FromPort"));
            assertThat(rule.get("CidrIp")).isEqualTo("0.0.0.0/0");
            ports.add((Integer) rule.get("FromPort"));
        }
        assertThat(ports).containsExactly(80, 443);
    }

    @Test
    void loadBalancerSecurityGroupSendsOnlyToTheTasksAppAndManagementPorts() {
        Map<String, Object> group = properties(service, "LoadBalancerSecurityGroup", "AWS::EC2::SecurityGroup");

        Set<Integer> ports = new TreeSet<>();
        for (Object item : list(group.get("SecurityGroupEgress"))) {
            Map<String, Object> rule = map(item);
            assertThat(rule.get("IpProtocol")).isEqualTo("tcp");
            assertThat(rule.get("ToPort")).as("single ports, no ranges").isEqualTo(rule.get("FromPort"));
            assertThat(rule.get("DestinationSecurityGroupId")).isEqualTo(ref("TaskSecurityGroup"));
            assertThat(rule).doesNotContainKeys("CidrIp", "CidrIpv6", "DestinationPrefixListId");
            ports.add((Integer) rule.get("FromPort"));
        }
        assertThat(ports).as("an inline egress list replaces the default allow-all rule").containsExactly(8080, 9000);
        assertThat(resourcesOfType(service, "AWS::EC2::SecurityGroupEgress")).as("no egress rule added from elsewhere")
                .isEmpty();
    }

    @Test
    void taskSecurityGroupAdmitsOnlyTheAppAndManagementPortsFromTheLoadBalancer() {
        Map<String, Object> group = properties(service, "TaskSecurityGroup", "AWS::EC2::SecurityGroup");
        assertThat(group).as("ingress only as the rules below").doesNotContainKey("SecurityGroupIngress");

        Set<Integer> ports = new TreeSet<>();
        for (Object resource : resourcesOfType(service, "AWS::EC2::SecurityGroupIngress").values()) {
            Map<String, Object> rule = map(map(resource).get("Properties"));
            assertThat(rule.get("GroupId")).as("ingress rules exist only for the tasks").isEqualTo(ref("TaskSecurityGroup"));
            assertThat(rule.get("IpProtocol")).isEqualTo("tcp");
            assertThat(rule.get("ToPort")).as("single ports, no ranges").isEqualTo(rule.get("FromPort"));
            assertThat(rule.get("SourceSecurityGroupId")).isEqualTo(ref("LoadBalancerSecurityGroup"));
            assertThat(rule).doesNotContainKeys("CidrIp", "CidrIpv6", "SourcePrefixListId");
            ports.add((Integer) rule.get("FromPort"));
        }
        assertThat(ports).containsExactly(8080, 9000);

        Map<String, Object> ecs = properties(service, "Service", "AWS::ECS::Service");
        Map<String, Object> awsvpc = map(map(ecs.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(awsvpc.get("SecurityGroups")).isEqualTo(List.of(ref("TaskSecurityGroup")));
    }

    // ---- service.yaml: tasks ---------------------------------------------------------------------

    @Test
    void taskDefinitionEnvironmentCarriesAwsModeAndEveryPortalSetting() {
        Map<String, Object> environment = environment();

        assertThat(environment.get("PORTAL_MODE")).isEqualTo("aws");
        assertThat(environment.get("AWS_REGION")).isEqualTo(ref("AWS::Region"));
        for (String setting : PORTAL_SETTINGS) {
            assertThat(environment.get(setting)).as(setting + " comes from the cognito stack")
                    .isNotNull().satisfies(value -> assertThat(map(value)).containsKey("Fn::ImportValue"));
        }
        assertThat(environment.get("PORTAL_PUBLIC_URL")).isEqualTo(Map.of("Fn::ImportValue", sub("${CognitoStackName}-PublicUrl")));
    }

    @Test
    void forwardedHeadersAreTrustedOnlyFromInsideTheVpc() {
        assertThat(environment().get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).isEqualTo(ref("VpcCidr"));
        String pattern = (String) map(map(service.get("Parameters")).get("VpcCidr")).get("AllowedPattern");
        assertThat("10.0.0.0/16").matches(pattern);
        assertThat("172.31.0.0/16").matches(pattern);
        assertThat(List.of("", "0.0.0.0", "10.0.0.0/33", "10.0.0.0/16,0.0.0.0/0", "*")).noneMatch(value -> value.matches(pattern));
        Map<String, Object> rule = map(map(service.get("Rules")).get("TrustedProxiesAreNotEveryone"));
        assertThat(map(list(rule.get("Assertions")).get(0)).get("Assert")).as("0.0.0.0/0 fits the pattern, so a rule refuses it")
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref("VpcCidr"), "0.0.0.0/0")))));
    }

    @Test
    void taskDefinitionRunsOneFargateContainerOnTheAppAndManagementPorts() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");

        assertThat(task.get("RequiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat(task.get("NetworkMode")).isEqualTo("awsvpc");
        assertThat(task.get("Cpu")).isEqualTo(ref("TaskCpu"));
        assertThat(task.get("Memory")).isEqualTo(ref("TaskMemory"));
        assertThat(parameterDefault(service, "TaskCpu")).isEqualTo("256");
        assertThat(parameterDefault(service, "TaskMemory")).isEqualTo("512");
        assertThat(map(task.get("RuntimePlatform")).get("CpuArchitecture")).isEqualTo(ref("CpuArchitecture"));
        assertThat(map(map(service.get("Parameters")).get("CpuArchitecture")).get("AllowedValues")).isEqualTo(List.of("X86_64", "ARM64"));
        assertThat(list(task.get("ContainerDefinitions"))).hasSize(1);
        assertThat(container().get("PortMappings")).isEqualTo(List.of(
                Map.of("ContainerPort", 8080, "Protocol", "tcp"), Map.of("ContainerPort", 9000, "Protocol", "tcp")));
    }

    @Test
    void containerRootFilesystemIsReadOnlyWithOnlyTmpWritable() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");

        assertThat(container().get("ReadonlyRootFilesystem")).isEqualTo(true);
        assertThat(container().get("MountPoints")).isEqualTo(
                List.of(Map.of("SourceVolume", "tmp", "ContainerPath", "/tmp", "ReadOnly", false)));
        assertThat(task.get("Volumes")).as("a task-scoped bind volume, no host path or shared file system")
                .isEqualTo(List.of(Map.of("Name", "tmp")));
    }

    @Test
    void containerLogsGoToTheStacksLogGroupWithRetention() {
        Map<String, Object> logging = map(container().get("LogConfiguration"));
        assertThat(logging.get("LogDriver")).isEqualTo("awslogs");
        assertThat(map(logging.get("Options")).get("awslogs-group")).isEqualTo(ref("LogGroup"));

        Map<String, Object> group = properties(service, "LogGroup", "AWS::Logs::LogGroup");
        assertThat(group.get("RetentionInDays")).isEqualTo(ref("LogRetentionInDays"));
    }

    @Test
    void serviceRunsTwoTasksBehindTheTargetGroupAndRollsBackFailedDeployments() {
        Map<String, Object> ecs = properties(service, "Service", "AWS::ECS::Service");

        assertThat(ecs.get("DesiredCount")).isEqualTo(ref("DesiredCount"));
        assertThat(parameterDefault(service, "DesiredCount")).isEqualTo(2);
        assertThat(ecs.get("LaunchType")).isEqualTo("FARGATE");
        Map<String, Object> breaker = map(map(ecs.get("DeploymentConfiguration")).get("DeploymentCircuitBreaker"));
        assertThat(breaker).isEqualTo(Map.of("Enable", true, "Rollback", true));
        assertThat(ecs.get("LoadBalancers")).isEqualTo(
                List.of(Map.of("ContainerName", "portal", "ContainerPort", 8080, "TargetGroupArn", ref("TargetGroup"))));
        assertThat(container().get("Name")).isEqualTo("portal");
    }

    // ---- service.yaml: scale-out -----------------------------------------------------------------

    @Test
    void serviceScalesBetweenMinAndMaxCapacityOnRequestsPerTask() {
        Map<String, Object> target = properties(service, "ScalableTarget", "AWS::ApplicationAutoScaling::ScalableTarget");
        assertThat(target.get("ServiceNamespace")).isEqualTo("ecs");
        assertThat(target.get("ScalableDimension")).isEqualTo("ecs:service:DesiredCount");
        assertThat(target.get("ResourceId")).isEqualTo(sub("service/${Cluster}/${Service.Name}"));
        assertThat(target.get("MinCapacity")).isEqualTo(ref("MinCapacity"));
        assertThat(target.get("MaxCapacity")).isEqualTo(ref("MaxCapacity"));
        assertThat(parameterDefault(service, "MinCapacity")).as("two tasks survive the loss of an Availability Zone")
                .isEqualTo(2);
        assertThat((Integer) parameterDefault(service, "MaxCapacity")).isGreaterThan(2);

        Map<String, Object> policy = properties(service, "ScalingPolicy", "AWS::ApplicationAutoScaling::ScalingPolicy");
        assertThat(policy.get("PolicyType")).isEqualTo("TargetTrackingScaling");
        assertThat(policy.get("ScalingTargetId")).isEqualTo(ref("ScalableTarget"));
        Map<String, Object> tracking = map(policy.get("TargetTrackingScalingPolicyConfiguration"));
        assertThat(tracking.get("TargetValue")).isEqualTo(ref("TargetRequestsPerTaskPerMinute"));
        Map<String, Object> metric = map(tracking.get("PredefinedMetricSpecification"));
        assertThat(metric.get("PredefinedMetricType")).isEqualTo("ALBRequestCountPerTarget");
        assertThat(metric.get("ResourceLabel")).as("app/<balancer>/<id>/targetgroup/<group>/<id>").isEqualTo(
                Map.of("Fn::Join", List.of("/", List.of(getAtt("LoadBalancer", "LoadBalancerFullName"),
                        getAtt("TargetGroup", "TargetGroupFullName")))));
    }

    @Test
    void stickySessionsAreOffByDefaultAndUseTheLoadBalancersCookieWhenOn() {
        assertThat(parameterDefault(service, "StickySessionSeconds")).isEqualTo(0);
        assertThat(condition(service, "Sticky"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref("StickySessionSeconds"), "0")))));
        Map<String, Object> group = properties(service, "TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup");

        assertThat(list(group.get("TargetGroupAttributes"))).contains(
                Map.of("Key", "stickiness.enabled", "Value", Map.of("Fn::If", List.of("Sticky", "true", "false"))),
                Map.of("Fn::If", List.of("Sticky", Map.of("Key", "stickiness.type", "Value", "lb_cookie"), ref("AWS::NoValue"))),
                Map.of("Fn::If", List.of("Sticky", Map.of("Key", "stickiness.lb_cookie.duration_seconds",
                        "Value", ref("StickySessionSeconds")), ref("AWS::NoValue"))));
    }

    @Test
    void defaultRequestTargetIsAtMostAThirdOfTheBenchmarkedTaskThroughput() {
        // deploy/README.md, Capacity: ~5,500 req/s on about one core; a 0.25 vCPU task ~1,300 req/s raw.
        int rawRequestsPerTaskPerMinute = 1_300 * 60;
        int target = (Integer) parameterDefault(service, "TargetRequestsPerTaskPerMinute");

        assertThat(target).as("the metric counts requests per target per minute, not per second")
                .isGreaterThan(1_300)
                .isLessThanOrEqualTo(rawRequestsPerTaskPerMinute / 3);
        assertThat(parameterDefault(service, "TaskCpu")).as("the arithmetic assumes 0.25 vCPU").isEqualTo("256");
    }

    // ---- all templates ---------------------------------------------------------------------------

    @Test
    void templatesHoldNoAccountIdOrHardCodedPartition() throws IOException {
        Pattern accountId = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
        try (Stream<Path> files = Files.list(DEPLOY)) {
            List<Path> templates = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertThat(templates).hasSize(3);
            for (Path template : templates) {
                String text = Files.readString(template);
                assertThat(accountId.matcher(text).results().map(match -> match.group()).toList())
                        .as(template + ": what looks like an account id").isEmpty();
                assertThat(text).as(template + ": use ${AWS::Partition} in ARNs").doesNotContain("arn:aws:");
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Map<String, Object> container() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");
        return map(list(task.get("ContainerDefinitions")).get(0));
    }

    /** The container's environment by name; a name set twice fails the test. */
    private static Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        for (Object item : list(container().get("Environment"))) {
            Map<String, Object> variable = map(item);
            assertThat(environment.put((String) variable.get("Name"), variable.get("Value")))
                    .as("set twice: " + variable.get("Name")).isNull();
        }
        return environment;
    }

    private static Object parameterDefault(Map<String, Object> template, String name) {
        return map(map(template.get("Parameters")).get(name)).get("Default");
    }

    private static Map<String, Object> properties(Map<String, Object> template, String logicalId, String type) {
        Map<String, Object> resource = resource(template, logicalId);
        assertThat(resource.get("Type")).as(logicalId).isEqualTo(type);
        return map(resource.get("Properties"));
    }

    private static Map<String, Object> resource(Map<String, Object> template, String logicalId) {
        Object resource = map(template.get("Resources")).get(logicalId);
        assertThat(resource).as("resource " + logicalId).isNotNull();
        return map(resource);
    }

    private static Object condition(Map<String, Object> template, String name) {
        return map(template.get("Conditions")).get(name);
    }

    private static Map<String, Object> resourcesOfType(Map<String, Object> template, String type) {
        return map(template.get("Resources")).entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Names of a template's exports, without the "${AWS::StackName}-" every one of them starts with. */
    private static Set<String> exports(Map<String, Object> template) {
        Set<String> exported = new TreeSet<>();
        for (Object output : map(template.get("Outputs")).values()) {
            Object export = map(output).get("Export");
            if (export != null) {
                String name = (String) map(map(export).get("Name")).get("Fn::Sub");
                assertThat(name).startsWith("${AWS::StackName}-");
                exported.add(name.substring("${AWS::StackName}-".length()));
            }
        }
        return exported;
    }

    /** Every statement of a role's inline policies. */
    private static List<Map<String, Object>> grants(Map<String, Object> role) {
        List<Map<String, Object>> granted = new ArrayList<>();
        for (Object policy : list(role.get("Policies"))) {
            granted.addAll(statements(map(policy).get("PolicyDocument")));
        }
        return granted;
    }

    /** Resources of a role's inline grants by action, in the order the template lists them. */
    private static Map<Object, List<Object>> resourcesByAction(Map<String, Object> role) {
        Map<Object, List<Object>> resources = new LinkedHashMap<>();
        for (Map<String, Object> statement : grants(role)) {
            for (Object action : list(statement.get("Action"))) {
                resources.computeIfAbsent(action, key -> new ArrayList<>()).addAll(list(statement.get("Resource")));
            }
        }
        return resources;
    }

    /** Whether an IAM resource pattern ({@code *} any run of characters, {@code ?} one) covers an ARN. */
    private static boolean iamMatches(String pattern, String arn) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return arn.matches(regex.toString());
    }

    private static List<Map<String, Object>> statements(Object policyDocument) {
        return list(map(policyDocument).get("Statement")).stream().map(DeployTemplatesTest::map).toList();
    }

    /** Calls {@code visitor} with the value of every mapping entry named {@code key}, at any depth. */
    private static void collect(Object node, String key, Consumer<Object> visitor) {
        if (node instanceof Map<?, ?> mapping) {
            for (Map.Entry<?, ?> entry : mapping.entrySet()) {
                if (key.equals(entry.getKey())) {
                    visitor.accept(entry.getValue());
                }
                collect(entry.getValue(), key, visitor);
            }
        } else if (node instanceof List<?> sequence) {
            sequence.forEach(item -> collect(item, key, visitor));
        }
    }

    /** Every string (key or value) in a parsed subtree. */
    private static Stream<String> strings(Object node) {
        if (node instanceof Map<?, ?> mapping) {
            return mapping.entrySet().stream()
                    .flatMap(entry -> Stream.concat(strings(entry.getKey()), strings(entry.getValue())));
        }
        if (node instanceof List<?> sequence) {
            return sequence.stream().flatMap(DeployTemplatesTest::strings);
        }
        return node instanceof String text ? Stream.of(text) : Stream.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).as("expected a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    /** A YAML value that may be one item or a list of them, as IAM allows for Action and Resource. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        return node instanceof List ? (List<Object>) node : List.of(node);
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    private static Map<String, Object> parameterArn(String name) {
        return sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/" + name);
    }

    private static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }
}
