package io.parameterportal.deploy;

import static io.parameterportal.deploy.Templates.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** deploy/service.yaml read as data: IAM, load balancer and network, tasks, scale-out, session secret and alarms. */
class ServiceTemplateTest {

    /**
     * Every setting the app reads in aws mode that comes from the cognito stack: the table "How the
     * Cognito settings reach the tasks" in deploy/README.md.
     */
    private static final List<String> PORTAL_SETTINGS = List.of(
            "PORTAL_USER_POOL_ID", "PORTAL_CLIENT_ID", "PORTAL_IDENTITY_POOL_ID", "PORTAL_HOSTED_UI_DOMAIN",
            "PORTAL_PARAMETER_NAME", "PORTAL_PUBLIC_URL", "PORTAL_OAUTH_FLOW", "PORTAL_PARAMETER_PATHS");

    private static final Map<String, Object> SESSION_SECRET = Map.of("Fn::If",
            List.of("GeneratedSessionSecret", ref("SessionSecret"), ref("SessionSecretArn")));
    private static final Map<String, Object> ALARM_ACTIONS = Map.of("Fn::If",
            List.of("AlarmNotifications", List.of(ref("AlarmTopic")), ref("AWS::NoValue")));

    private final Map<String, Object> service = service();

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
    }

    @Test
    void bothRolesTrustOnlyEcsActingForThisAccount() {
        for (String logicalId : List.of("TaskRole", "ExecutionRole")) {
            Map<String, Object> role = properties(service, logicalId, "AWS::IAM::Role");
            List<Map<String, Object>> trust = statements(role.get("AssumeRolePolicyDocument"));

            assertThat(trust).as(logicalId).hasSize(1);
            assertThat(trust.get(0).get("Principal")).as(logicalId).isEqualTo(Map.of("Service", "ecs-tasks.amazonaws.com"));
            assertThat(trust.get(0).get("Condition")).as(logicalId + ": against the confused deputy").isEqualTo(Map.of(
                    "StringEquals", Map.of("aws:SourceAccount", ref("AWS::AccountId")),
                    "ArnLike", Map.of("aws:SourceArn", sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*"))));
        }
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
                "logs:PutLogEvents", getAtt("LogGroup", "Arn"),
                "secretsmanager:GetSecretValue", SESSION_SECRET));
    }

    @Test
    void theTasksGetTheSessionSecretFromSecretsManagerGeneratedUnlessOneIsNamed() {
        assertThat(container().get("Secrets")).isEqualTo(List.of(Map.of("Name", "PORTAL_SESSION_SECRET", "ValueFrom", SESSION_SECRET)));
        assertThat(environment()).as("never in plain environment").doesNotContainKey("PORTAL_SESSION_SECRET");
        assertThat(parameterDefault(service, "SessionSecretArn")).isEqualTo("");
        assertThat(condition(service, "GeneratedSessionSecret")).isEqualTo(Map.of("Fn::Equals", List.of(ref("SessionSecretArn"), "")));

        Map<String, Object> secret = resource(service, "SessionSecret");
        assertThat(secret.get("Type")).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(secret.get("Condition")).isEqualTo("GeneratedSessionSecret");
        Map<String, Object> generated = map(map(secret.get("Properties")).get("GenerateSecretString"));
        assertThat((Integer) generated.get("PasswordLength")).isGreaterThanOrEqualTo(32);
        assertThat(generated).as("letters and digits only: nothing to quote").containsEntry("ExcludePunctuation", true)
                .containsEntry("IncludeSpace", false).doesNotContainKey("SecretStringTemplate");
    }

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

        Set<Integer> ports = singleTcpPorts(list(group.get("SecurityGroupIngress")),
                rule -> assertThat(rule.get("CidrIp")).isEqualTo("0.0.0.0/0"));

        assertThat(ports).containsExactly(80, 443);
    }

    @Test
    void loadBalancerSecurityGroupSendsOnlyToTheTasksAppAndManagementPorts() {
        Map<String, Object> group = properties(service, "LoadBalancerSecurityGroup", "AWS::EC2::SecurityGroup");

        Set<Integer> ports = singleTcpPorts(list(group.get("SecurityGroupEgress")), rule -> {
            assertThat(rule.get("DestinationSecurityGroupId")).isEqualTo(ref("TaskSecurityGroup"));
            assertThat(rule).doesNotContainKeys("CidrIp", "CidrIpv6", "DestinationPrefixListId");
        });

        assertThat(ports).as("an inline egress list replaces the default allow-all rule").containsExactly(8080, 9000);
        assertThat(resourcesOfType(service, "AWS::EC2::SecurityGroupEgress")).as("no egress rule added from elsewhere")
                .isEmpty();
    }

    @Test
    void taskSecurityGroupAdmitsOnlyTheAppAndManagementPortsFromTheLoadBalancer() {
        Map<String, Object> group = properties(service, "TaskSecurityGroup", "AWS::EC2::SecurityGroup");
        assertThat(group).as("ingress only as the rules below").doesNotContainKey("SecurityGroupIngress");

        List<Object> rules = resourcesOfType(service, "AWS::EC2::SecurityGroupIngress").values().stream()
                .map(resource -> map(resource).get("Properties")).toList();
        Set<Integer> ports = singleTcpPorts(rules, rule -> {
            assertThat(rule.get("GroupId")).as("ingress rules exist only for the tasks").isEqualTo(ref("TaskSecurityGroup"));
            assertThat(rule.get("SourceSecurityGroupId")).isEqualTo(ref("LoadBalancerSecurityGroup"));
            assertThat(rule).doesNotContainKeys("CidrIp", "CidrIpv6", "SourcePrefixListId");
        });

        assertThat(ports).containsExactly(8080, 9000);

        Map<String, Object> ecs = properties(service, "Service", "AWS::ECS::Service");
        Map<String, Object> awsvpc = map(map(ecs.get("NetworkConfiguration")).get("AwsvpcConfiguration"));
        assertThat(awsvpc.get("SecurityGroups")).isEqualTo(List.of(ref("TaskSecurityGroup")));
    }

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

    @Test
    void loadBalancerAlarmsWatchTheTargetGroupsFiveHundredsP99AndUnhealthyHosts() {
        Map<String, Object> dimensions = Map.of("LoadBalancer", getAtt("LoadBalancer", "LoadBalancerFullName"),
                "TargetGroup", getAtt("TargetGroup", "TargetGroupFullName"));

        Map<String, Object> errors = alarm("Target5xxAlarm", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions);
        assertThat(errors).containsEntry("Statistic", "Sum").containsEntry("Threshold", ref("Alarm5xxPerMinute"))
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold").containsEntry("TreatMissingData", "notBreaching");

        Map<String, Object> slow = alarm("TargetResponseTimeAlarm", "AWS/ApplicationELB", "TargetResponseTime", dimensions);
        assertThat(slow).containsEntry("ExtendedStatistic", "p99").doesNotContainKey("Statistic")
                .containsEntry("Threshold", ref("AlarmP99Seconds")).containsEntry("ComparisonOperator", "GreaterThanThreshold");

        Map<String, Object> unhealthy = alarm("UnhealthyHostsAlarm", "AWS/ApplicationELB", "UnHealthyHostCount", dimensions);
        assertThat(unhealthy).containsEntry("Statistic", "Maximum").containsEntry("Threshold", 1)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    }

    @Test
    void fewerRunningTasksThanTheMinimumRaisesAnAlarmFromContainerInsights() {
        Map<String, Object> tasks = alarm("RunningTasksAlarm", "ECS/ContainerInsights", "RunningTaskCount",
                Map.of("ClusterName", ref("Cluster"), "ServiceName", getAtt("Service", "Name")));

        assertThat(tasks).containsEntry("Statistic", "Minimum").containsEntry("Threshold", ref("MinCapacity"))
                .containsEntry("ComparisonOperator", "LessThanThreshold")
                .as("a service that stops reporting counts as down").containsEntry("TreatMissingData", "breaching");
        assertThat(properties(service, "Cluster", "AWS::ECS::Cluster").get("ClusterSettings")).as("RunningTaskCount needs it")
                .isEqualTo(List.of(Map.of("Name", "containerInsights", "Value", "enabled")));
    }

    @Test
    void alarmsGoToAnEmailTopicOnlyWhenAnAddressIsGiven() {
        assertThat(parameterDefault(service, "AlarmEmail")).isEqualTo("");
        assertThat(condition(service, "AlarmNotifications"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref("AlarmEmail"), "")))));
        Map<String, Object> topic = resource(service, "AlarmTopic");
        assertThat(topic.get("Condition")).isEqualTo("AlarmNotifications");
        assertThat(map(topic.get("Properties")).get("Subscription"))
                .isEqualTo(List.of(Map.of("Protocol", "email", "Endpoint", ref("AlarmEmail"))));

        Map<String, Object> alarms = resourcesOfType(service, "AWS::CloudWatch::Alarm");
        assertThat(alarms).containsOnlyKeys("Target5xxAlarm", "TargetResponseTimeAlarm", "UnhealthyHostsAlarm", "RunningTasksAlarm");
        for (String logicalId : alarms.keySet()) {
            Map<String, Object> alarm = properties(service, logicalId, "AWS::CloudWatch::Alarm");
            assertThat(alarm.get("AlarmActions")).as(logicalId).isEqualTo(ALARM_ACTIONS);
            assertThat(alarm.get("OKActions")).as(logicalId).isEqualTo(ALARM_ACTIONS);
            assertThat((String) alarm.get("AlarmDescription")).as(logicalId + " points to what to do").contains("docs/operations.md");
        }
    }

    /** The ports of security group rules, each checked to be TCP on one port and then by {@code eachRule}. */
    private static Set<Integer> singleTcpPorts(List<Object> rules, Consumer<Map<String, Object>> eachRule) {
        Set<Integer> ports = new TreeSet<>();
        for (Object item : rules) {
            Map<String, Object> rule = map(item);
            assertThat(rule.get("IpProtocol")).isEqualTo("tcp");
            assertThat(rule.get("ToPort")).as("single ports, no ranges").isEqualTo(rule.get("FromPort"));
            eachRule.accept(rule);
            ports.add((Integer) rule.get("FromPort"));
        }
        return ports;
    }

    /** An alarm's properties, after checking it watches {@code metric} of exactly these dimensions, minute by minute. */
    private Map<String, Object> alarm(String logicalId, String namespace, String metric, Map<String, Object> dimensions) {
        Map<String, Object> alarm = properties(service, logicalId, "AWS::CloudWatch::Alarm");
        assertThat(alarm).as(logicalId).containsEntry("Namespace", namespace).containsEntry("MetricName", metric)
                .containsEntry("Period", 60);
        Map<String, Object> named = new LinkedHashMap<>();
        for (Object dimension : list(alarm.get("Dimensions"))) {
            named.put((String) map(dimension).get("Name"), map(dimension).get("Value"));
        }
        assertThat(named).as(logicalId).isEqualTo(dimensions);
        return alarm;
    }
}
