package io.parameterportal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.regex.Matcher;
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

    /** Every setting the app reads in aws mode (see DESIGN.md), plus its public URL. */
    private static final List<String> PORTAL_SETTINGS = List.of(
            "PORTAL_USER_POOL_ID", "PORTAL_CLIENT_ID", "PORTAL_IDENTITY_POOL_ID", "PORTAL_HOSTED_UI_DOMAIN",
            "PORTAL_PARAMETER_NAME", "PORTAL_PUBLIC_URL");

    private static final Map<String, Object> PARAMETER_ARN = sub(
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AuthenticatedParameter}");

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

        assertEquals(Map.of("Ref", "Thing"), parsed.get("ref"));
        assertEquals(sub("${AWS::Region}-x"), parsed.get("sub"));
        assertEquals(Map.of("Fn::Sub", List.of("${A}", Map.of("A", "b"))), parsed.get("subList"));
        assertEquals(getAtt("Role", "Arn"), parsed.get("getAtt"));
        assertEquals(getAtt("Role", "Arn"), parsed.get("getAttList"));
        assertEquals(Map.of("Fn::If", List.of("Cond", "a", "b")), parsed.get("if"));
        assertEquals(Map.of("Fn::Equals", List.of("a", "b")), parsed.get("equals"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Condition", "Cond"))), parsed.get("not"));
        assertEquals(Map.of("Fn::And", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))), parsed.get("and"));
        assertEquals(Map.of("Fn::Or", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))), parsed.get("or"));
        assertEquals(Map.of("Fn::Join", List.of(",", List.of("a", "b"))), parsed.get("join"));
        assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))), parsed.get("select"));
        assertEquals(Map.of("Fn::Split", List.of(",", "a,b")), parsed.get("split"));
        assertEquals(Map.of("Fn::ImportValue", sub("${S}-Id")), parsed.get("import"));
        assertEquals(Map.of("Fn::FindInMap", List.of("M", "k", "v")), parsed.get("findInMap"));
        assertEquals(Map.of("Fn::Base64", "text"), parsed.get("base64"));
        assertEquals(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)), parsed.get("cidr"));
        assertEquals(Map.of("Fn::Contains", List.of(List.of("a"), ref("P"))), parsed.get("contains"));
    }

    // ---- cognito.yaml ----------------------------------------------------------------------------

    @Test
    void userPoolSignsInWithEmailAndRequiresName() {
        Map<String, Object> pool = properties(cognito, "UserPool", "AWS::Cognito::UserPool");

        assertEquals(List.of("email"), pool.get("UsernameAttributes"));
        Map<String, Object> name = list(pool.get("Schema")).stream().map(DeployTemplatesTest::map)
                .filter(attribute -> "name".equals(attribute.get("Name")))
                .findFirst().orElseThrow(() -> new AssertionError("no `name` attribute in the schema"));
        assertEquals(true, name.get("Required"));
    }

    @Test
    void appClientUsesOnlyImplicitFlowWithOpenidProfileAndHttpsSigninSignoutUrls() {
        Map<String, Object> client = properties(cognito, "UserPoolClient", "AWS::Cognito::UserPoolClient");

        assertEquals(ref("UserPool"), client.get("UserPoolId"));
        assertEquals(true, client.get("AllowedOAuthFlowsUserPoolClient"));
        assertEquals(List.of("implicit"), client.get("AllowedOAuthFlows"));
        assertEquals(Set.of("openid", "profile"), Set.copyOf(list(client.get("AllowedOAuthScopes"))));
        assertEquals(2, list(client.get("AllowedOAuthScopes")).size());
        assertEquals(List.of("COGNITO"), client.get("SupportedIdentityProviders"));
        assertEquals(List.of(sub("https://${DomainName}/signin")), client.get("CallbackURLs"));
        assertEquals(List.of(sub("https://${DomainName}/signout")), client.get("LogoutURLs"));
        assertNotEquals(true, client.get("GenerateSecret"), "a browser client has no secret");
    }

    @Test
    void hostedUiDomainBelongsToTheUserPool() {
        Map<String, Object> domain = properties(cognito, "UserPoolDomain", "AWS::Cognito::UserPoolDomain");

        assertEquals(ref("HostedUiDomainPrefix"), domain.get("Domain"));
        assertEquals(ref("UserPool"), domain.get("UserPoolId"));
    }

    @Test
    void identityPoolAllowsNoUnauthenticatedIdentities() {
        Map<String, Object> pool = properties(cognito, "IdentityPool", "AWS::Cognito::IdentityPool");

        assertEquals(false, pool.get("AllowUnauthenticatedIdentities"));
        assertNotEquals(true, pool.get("AllowClassicFlow"));
        List<Object> providers = list(pool.get("CognitoIdentityProviders"));
        assertEquals(1, providers.size());
        Map<String, Object> provider = map(providers.get(0));
        assertEquals(sub("cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}"), provider.get("ProviderName"));
        assertEquals(ref("UserPoolClient"), provider.get("ClientId"));
        assertFalse(pool.containsKey("SupportedLoginProviders"), "no other identity providers");
        assertFalse(pool.containsKey("OpenIdConnectProviderARNs"), "no other identity providers");
        assertFalse(pool.containsKey("SamlProviderARNs"), "no other identity providers");
    }

    @Test
    void authenticatedRoleTrustsOnlyAuthenticatedIdentitiesOfThisIdentityPool() {
        Map<String, Object> role = properties(cognito, "AuthenticatedRole", "AWS::IAM::Role");
        List<Map<String, Object>> trust = statements(role.get("AssumeRolePolicyDocument"));

        assertEquals(1, trust.size());
        Map<String, Object> statement = trust.get(0);
        assertEquals("Allow", statement.get("Effect"));
        assertEquals(Map.of("Federated", "cognito-identity.amazonaws.com"), statement.get("Principal"));
        assertEquals(List.of("sts:AssumeRoleWithWebIdentity"), list(statement.get("Action")));
        Map<String, Object> condition = map(statement.get("Condition"));
        assertEquals(Map.of("cognito-identity.amazonaws.com:aud", ref("IdentityPool")), condition.get("StringEquals"));
        assertEquals(Map.of("cognito-identity.amazonaws.com:amr", "authenticated"),
                condition.get("ForAnyValue:StringLike"));
    }

    @Test
    void authenticatedRoleMayOnlyGetTheOneParameter() {
        Map<String, Object> role = properties(cognito, "AuthenticatedRole", "AWS::IAM::Role");
        assertFalse(role.containsKey("ManagedPolicyArns"), "no managed policy: its rights would be unreviewed here");
        assertFalse(role.containsKey("PermissionsBoundary"));
        assertTrue(resourcesOfType(cognito, "AWS::IAM::Policy").isEmpty(), "no policy attached from elsewhere");
        assertTrue(resourcesOfType(cognito, "AWS::IAM::ManagedPolicy").isEmpty(), "no policy attached from elsewhere");

        List<Map<String, Object>> granted = new ArrayList<>();
        for (Object policy : list(role.get("Policies"))) {
            granted.addAll(statements(map(policy).get("PolicyDocument")));
        }
        assertEquals(1, granted.size(), "one statement");
        Map<String, Object> statement = granted.get(0);
        assertEquals("Allow", statement.get("Effect"));
        assertEquals(List.of("ssm:GetParameter"), list(statement.get("Action")));
        assertEquals(List.of(PARAMETER_ARN), list(statement.get("Resource")));
        assertFalse(statement.containsKey("NotAction"));
        assertFalse(statement.containsKey("NotResource"));
        assertTrue(strings(role.get("Policies")).noneMatch(text -> text.contains("*")), "no `*` anywhere");
    }

    @Test
    void identityPoolAttachesOnlyTheAuthenticatedRole() {
        Map<String, Object> attachment = properties(cognito, "IdentityPoolRoleAttachment",
                "AWS::Cognito::IdentityPoolRoleAttachment");

        assertEquals(ref("IdentityPool"), attachment.get("IdentityPoolId"));
        assertEquals(Map.of("authenticated", getAtt("AuthenticatedRole", "Arn")), attachment.get("Roles"));
        assertFalse(attachment.containsKey("RoleMappings"), "no rule may pick another role");
    }

    @Test
    void parameterIsPrefixAuthenticatedHoldingAuthenticated() {
        Map<String, Object> parameter = properties(cognito, "AuthenticatedParameter", "AWS::SSM::Parameter");

        assertEquals(sub("${Prefix}-authenticated"), parameter.get("Name"));
        assertEquals("String", parameter.get("Type"));
        assertEquals("Authenticated", parameter.get("Value"));
        assertEquals("fa-012", map(map(cognito.get("Parameters")).get("Prefix")).get("Default"));
    }

    @Test
    void cognitoStackExportsEverySettingTheServiceImports() {
        Set<String> exported = new TreeSet<>();
        for (Object output : map(cognito.get("Outputs")).values()) {
            Object export = map(output).get("Export");
            if (export != null) {
                String name = (String) map(map(export).get("Name")).get("Fn::Sub");
                assertTrue(name.startsWith("${AWS::StackName}-"), name);
                exported.add(name.substring("${AWS::StackName}-".length()));
            }
        }
        Set<String> imported = new TreeSet<>();
        collect(service, "Fn::ImportValue", value -> {
            String name = (String) map(value).get("Fn::Sub");
            assertTrue(name.startsWith("${CognitoStackName}-"), name);
            imported.add(name.substring("${CognitoStackName}-".length()));
        });

        assertEquals(6, imported.size(), "one import per PORTAL_* setting: " + imported);
        assertTrue(exported.containsAll(imported), "imported " + imported + " but exported only " + exported);
    }

    // ---- registry.yaml ---------------------------------------------------------------------------

    @Test
    void repositoryScansOnPushKeepsTagsImmutableAndExpiresOldImages() {
        Map<String, Object> repository = properties(registry, "Repository", "AWS::ECR::Repository");

        assertEquals(Map.of("ScanOnPush", true), repository.get("ImageScanningConfiguration"));
        assertEquals("IMMUTABLE", repository.get("ImageTagMutability"));
        String lifecycle = (String) map(map(repository.get("LifecyclePolicy")).get("LifecyclePolicyText")).get("Fn::Sub");
        assertTrue(lifecycle.contains("\"type\": \"expire\""), lifecycle);
    }

    // ---- service.yaml: IAM -----------------------------------------------------------------------

    @Test
    void taskRoleHoldsNoPermissions() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");
        assertEquals(getAtt("TaskRole", "Arn"), task.get("TaskRoleArn"));
        Map<String, Object> role = properties(service, "TaskRole", "AWS::IAM::Role");

        assertFalse(role.containsKey("Policies"), "the task role has no inline policy");
        assertFalse(role.containsKey("ManagedPolicyArns"), "the task role has no managed policy");
        assertTrue(resourcesOfType(service, "AWS::IAM::Policy").isEmpty(), "no policy attached from elsewhere");
        assertTrue(resourcesOfType(service, "AWS::IAM::ManagedPolicy").isEmpty(), "no policy attached from elsewhere");
        assertTrue(strings(role).noneMatch(text -> text.startsWith("ssm:") || text.startsWith("cognito-") || text.equals("*")),
                "no ssm:*, cognito-* or * action on the task role");
        List<Map<String, Object>> trust = statements(role.get("AssumeRolePolicyDocument"));
        assertEquals(1, trust.size());
        assertEquals(Map.of("Service", "ecs-tasks.amazonaws.com"), trust.get(0).get("Principal"));
    }

    @Test
    void executionRoleHoldsOnlyTheManagedTaskExecutionPolicy() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");
        assertEquals(getAtt("ExecutionRole", "Arn"), task.get("ExecutionRoleArn"));
        Map<String, Object> role = properties(service, "ExecutionRole", "AWS::IAM::Role");

        assertEquals(List.of(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
                role.get("ManagedPolicyArns"));
        assertFalse(role.containsKey("Policies"));
    }

    @Test
    void noPolicyInAnyTemplateGrantsWildcardActionsOrResources() {
        for (Map<String, Object> template : List.of(cognito, registry, service)) {
            collect(template, "PolicyDocument", document -> {
                for (Map<String, Object> statement : statements(document)) {
                    for (Object action : list(statement.get("Action"))) {
                        assertFalse(String.valueOf(action).contains("*"), "wildcard action " + action);
                    }
                    for (Object resource : list(statement.get("Resource"))) {
                        assertFalse(strings(resource).anyMatch("*"::equals), "wildcard resource " + resource);
                    }
                }
            });
        }
    }

    // ---- service.yaml: load balancer and network --------------------------------------------------

    @Test
    void httpsListenerServesPort443WithTheCertificateAndTls13Policy() {
        Map<String, Object> https = properties(service, "HttpsListener", "AWS::ElasticLoadBalancingV2::Listener");

        assertEquals(ref("LoadBalancer"), https.get("LoadBalancerArn"));
        assertEquals("HTTPS", https.get("Protocol"));
        assertEquals(443, https.get("Port"));
        assertEquals(List.of(Map.of("CertificateArn", ref("CertificateArn"))), https.get("Certificates"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.get("SslPolicy"));
        assertEquals(List.of(Map.of("Type", "forward", "TargetGroupArn", ref("TargetGroup"))), https.get("DefaultActions"));
    }

    @Test
    void httpListenerOnPort80OnlyRedirectsToHttps() {
        Map<String, Object> http = properties(service, "HttpListener", "AWS::ElasticLoadBalancingV2::Listener");

        assertEquals("HTTP", http.get("Protocol"));
        assertEquals(80, http.get("Port"));
        List<Object> actions = list(http.get("DefaultActions"));
        assertEquals(1, actions.size(), "one action: the redirect");
        Map<String, Object> action = map(actions.get(0));
        assertEquals("redirect", action.get("Type"));
        assertFalse(action.containsKey("TargetGroupArn"));
        Map<String, Object> redirect = map(action.get("RedirectConfig"));
        assertEquals("HTTPS", redirect.get("Protocol"));
        assertEquals("443", String.valueOf(redirect.get("Port")));
        assertEquals("HTTP_301", redirect.get("StatusCode"));

        assertEquals(Set.of("HttpsListener", "HttpListener"),
                resourcesOfType(service, "AWS::ElasticLoadBalancingV2::Listener").keySet(), "no other listener");
        for (Object rule : resourcesOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule").values()) {
            assertEquals(ref("HttpsListener"), map(map(rule).get("Properties")).get("ListenerArn"),
                    "no rule on the plain HTTP listener");
        }
    }

    @Test
    void loadBalancerAnswersManagementPathsWith404() {
        Map<String, Object> rule = properties(service, "BlockManagementPaths", "AWS::ElasticLoadBalancingV2::ListenerRule");

        assertEquals(ref("HttpsListener"), rule.get("ListenerArn"));
        assertEquals(1, rule.get("Priority"), "before any other rule");
        assertEquals(List.of(Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/q/*")))),
                rule.get("Conditions"));
        Map<String, Object> action = map(list(rule.get("Actions")).get(0));
        assertEquals("fixed-response", action.get("Type"));
        assertEquals("404", map(action.get("FixedResponseConfig")).get("StatusCode"));
    }

    @Test
    void targetGroupChecksReadinessOfIpTargetsOnPort8080() {
        Map<String, Object> group = properties(service, "TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup");

        assertEquals("ip", group.get("TargetType"));
        assertEquals(8080, group.get("Port"));
        assertEquals("/q/health/ready", group.get("HealthCheckPath"));
    }

    @Test
    void loadBalancerIsInternetFacingInTheLoadBalancerSubnets() {
        Map<String, Object> balancer = properties(service, "LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer");

        assertEquals("internet-facing", balancer.get("Scheme"));
        assertEquals(ref("LoadBalancerSubnetIds"), balancer.get("Subnets"));
        assertEquals(List.of(ref("LoadBalancerSecurityGroup")), balancer.get("SecurityGroups"));
    }

    @Test
    void loadBalancerSecurityGroupAdmitsOnlyHttpAndHttps() {
        Map<String, Object> group = properties(service, "LoadBalancerSecurityGroup", "AWS::EC2::SecurityGroup");

        Set<Integer> ports = new TreeSet<>();
        for (Object item : list(group.get("SecurityGroupIngress"))) {
            Map<String, Object> rule = map(item);
            assertEquals("tcp", rule.get("IpProtocol"));
            assertEquals(rule.get("FromPort"), rule.get("ToPort"), "single ports, no ranges");
            assertEquals("0.0.0.0/0", rule.get("CidrIp"));
            ports.add((Integer) rule.get("FromPort"));
        }
        assertEquals(Set.of(80, 443), ports);
    }

    @Test
    void taskSecurityGroupAdmitsOnly8080FromTheLoadBalancer() {
        Map<String, Object> group = properties(service, "TaskSecurityGroup", "AWS::EC2::SecurityGroup");

        List<Object> ingress = list(group.get("SecurityGroupIngress"));
        assertEquals(1, ingress.size(), "one ingress rule");
        Map<String, Object> rule = map(ingress.get(0));
        assertEquals("tcp", rule.get("IpProtocol"));
        assertEquals(8080, rule.get("FromPort"));
        assertEquals(8080, rule.get("ToPort"));
        assertEquals(ref("LoadBalancerSecurityGroup"), rule.get("SourceSecurityGroupId"));
        assertFalse(rule.containsKey("CidrIp"));
        assertFalse(rule.containsKey("CidrIpv6"));
        assertFalse(rule.containsKey("SourcePrefixListId"));
        assertTrue(resourcesOfType(service, "AWS::EC2::SecurityGroupIngress").isEmpty(),
                "no ingress rule added from elsewhere");

        Map<String, Object> ecs = properties(service, "Service", "AWS::ECS::Service");
        Map<String, Object> awsvpc = map(map(ecs.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertEquals(List.of(ref("TaskSecurityGroup")), awsvpc.get("SecurityGroups"));
    }

    // ---- service.yaml: tasks ---------------------------------------------------------------------

    @Test
    void taskDefinitionEnvironmentCarriesAwsModeAndEveryPortalSetting() {
        Map<String, Object> container = container();
        Map<String, Object> environment = new LinkedHashMap<>();
        for (Object item : list(container.get("Environment"))) {
            Map<String, Object> variable = map(item);
            assertNull(environment.put((String) variable.get("Name"), variable.get("Value")),
                    "set twice: " + variable.get("Name"));
        }

        assertEquals("aws", environment.get("PORTAL_MODE"));
        assertEquals(ref("AWS::Region"), environment.get("AWS_REGION"));
        for (String setting : PORTAL_SETTINGS) {
            Object value = environment.get(setting);
            assertNotNull(value, setting + " missing");
            assertTrue(map(value).containsKey("Fn::ImportValue"), setting + " comes from the cognito stack");
        }
        assertEquals(Map.of("Fn::ImportValue", sub("${CognitoStackName}-PublicUrl")), environment.get("PORTAL_PUBLIC_URL"));
    }

    @Test
    void taskDefinitionRunsOneFargateContainerOnPort8080() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");

        assertEquals(List.of("FARGATE"), task.get("RequiresCompatibilities"));
        assertEquals("awsvpc", task.get("NetworkMode"));
        assertEquals(ref("TaskCpu"), task.get("Cpu"));
        assertEquals(ref("TaskMemory"), task.get("Memory"));
        assertEquals("256", parameterDefault(service, "TaskCpu"));
        assertEquals("512", parameterDefault(service, "TaskMemory"));
        assertEquals(ref("CpuArchitecture"), map(task.get("RuntimePlatform")).get("CpuArchitecture"));
        assertEquals(List.of("X86_64", "ARM64"), map(map(service.get("Parameters")).get("CpuArchitecture")).get("AllowedValues"));
        assertEquals(1, list(task.get("ContainerDefinitions")).size());
        assertEquals(List.of(Map.of("ContainerPort", 8080, "Protocol", "tcp")), container().get("PortMappings"));
    }

    @Test
    void containerLogsGoToTheStacksLogGroupWithRetention() {
        Map<String, Object> logging = map(container().get("LogConfiguration"));
        assertEquals("awslogs", logging.get("LogDriver"));
        assertEquals(ref("LogGroup"), map(logging.get("Options")).get("awslogs-group"));

        Map<String, Object> group = properties(service, "LogGroup", "AWS::Logs::LogGroup");
        assertEquals(ref("LogRetentionInDays"), group.get("RetentionInDays"));
    }

    @Test
    void serviceRunsTwoTasksBehindTheTargetGroupAndRollsBackFailedDeployments() {
        Map<String, Object> ecs = properties(service, "Service", "AWS::ECS::Service");

        assertEquals(ref("DesiredCount"), ecs.get("DesiredCount"));
        assertEquals(2, parameterDefault(service, "DesiredCount"));
        assertEquals("FARGATE", ecs.get("LaunchType"));
        Map<String, Object> breaker = map(map(ecs.get("DeploymentConfiguration")).get("DeploymentCircuitBreaker"));
        assertEquals(Map.of("Enable", true, "Rollback", true), breaker);
        assertEquals(List.of(Map.of("ContainerName", "portal", "ContainerPort", 8080, "TargetGroupArn", ref("TargetGroup"))),
                ecs.get("LoadBalancers"));
        assertEquals("portal", container().get("Name"));
    }

    // ---- all templates ---------------------------------------------------------------------------

    @Test
    void templatesHoldNoAccountIdOrHardCodedPartition() throws IOException {
        Pattern accountId = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
        try (Stream<Path> files = Files.list(DEPLOY)) {
            List<Path> templates = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(3, templates.size(), "templates: " + templates);
            for (Path template : templates) {
                String text = Files.readString(template);
                Matcher matcher = accountId.matcher(text);
                if (matcher.find()) {
                    fail(template + " holds what looks like an account id: " + matcher.group());
                }
                assertFalse(text.contains("arn:aws:"), template + ": use ${AWS::Partition} in ARNs");
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Map<String, Object> container() {
        Map<String, Object> task = properties(service, "TaskDefinition", "AWS::ECS::TaskDefinition");
        return map(list(task.get("ContainerDefinitions")).get(0));
    }

    private static Object parameterDefault(Map<String, Object> template, String name) {
        return map(map(template.get("Parameters")).get(name)).get("Default");
    }

    private static Map<String, Object> properties(Map<String, Object> template, String logicalId, String type) {
        Object resource = map(template.get("Resources")).get(logicalId);
        assertNotNull(resource, "no resource " + logicalId);
        assertEquals(type, map(resource).get("Type"), logicalId);
        return map(map(resource).get("Properties"));
    }

    private static Map<String, Object> resourcesOfType(Map<String, Object> template, String type) {
        return map(template.get("Resources")).entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
        assertTrue(node instanceof Map, "expected a mapping, got " + node);
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

    private static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }
}
