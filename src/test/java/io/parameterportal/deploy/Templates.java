package io.parameterportal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The templates of {@code deploy/}, parsed once, and the helpers the template tests read them with. */
final class Templates {

    static final Path DEPLOY = Path.of("deploy");

    private static final Map<String, Object> COGNITO = CloudFormationYaml.load(DEPLOY.resolve("cognito.yaml"));
    private static final Map<String, Object> REGISTRY = CloudFormationYaml.load(DEPLOY.resolve("registry.yaml"));
    private static final Map<String, Object> SERVICE = CloudFormationYaml.load(DEPLOY.resolve("service.yaml"));

    private Templates() {
    }

    static Map<String, Object> cognito() {
        return COGNITO;
    }

    static Map<String, Object> registry() {
        return REGISTRY;
    }

    static Map<String, Object> service() {
        return SERVICE;
    }


    static Map<String, Object> container() {
        Map<String, Object> task = properties(SERVICE, "TaskDefinition", "AWS::ECS::TaskDefinition");
        return map(list(task.get("ContainerDefinitions")).get(0));
    }

    /** The container's environment by name; a name set twice fails the test. */
    static Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        for (Object item : list(container().get("Environment"))) {
            Map<String, Object> variable = map(item);
            assertThat(environment.put((String) variable.get("Name"), variable.get("Value")))
                    .as("set twice: " + variable.get("Name")).isNull();
        }
        return environment;
    }

    static Object parameterDefault(Map<String, Object> template, String name) {
        return map(map(template.get("Parameters")).get(name)).get("Default");
    }

    static Map<String, Object> properties(Map<String, Object> template, String logicalId, String type) {
        Map<String, Object> resource = resource(template, logicalId);
        assertThat(resource.get("Type")).as(logicalId).isEqualTo(type);
        return map(resource.get("Properties"));
    }

    static Map<String, Object> resource(Map<String, Object> template, String logicalId) {
        Object resource = map(template.get("Resources")).get(logicalId);
        assertThat(resource).as("resource " + logicalId).isNotNull();
        return map(resource);
    }

    static Object condition(Map<String, Object> template, String name) {
        return map(template.get("Conditions")).get(name);
    }

    static Map<String, Object> resourcesOfType(Map<String, Object> template, String type) {
        return map(template.get("Resources")).entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Names of a template's exports, without the "${AWS::StackName}-" every one of them starts with. */
    static Set<String> exports(Map<String, Object> template) {
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
    static List<Map<String, Object>> grants(Map<String, Object> role) {
        List<Map<String, Object>> granted = new ArrayList<>();
        for (Object policy : list(role.get("Policies"))) {
            granted.addAll(statements(map(policy).get("PolicyDocument")));
        }
        return granted;
    }

    /** Resources of a role's inline grants by action, in the order the template lists them. */
    static Map<Object, List<Object>> resourcesByAction(Map<String, Object> role) {
        Map<Object, List<Object>> resources = new LinkedHashMap<>();
        for (Map<String, Object> statement : grants(role)) {
            for (Object action : list(statement.get("Action"))) {
                resources.computeIfAbsent(action, key -> new ArrayList<>()).addAll(list(statement.get("Resource")));
            }
        }
        return resources;
    }

    /** Whether an IAM resource pattern ({@code *} any run of characters, {@code ?} one) covers an ARN. */
    static boolean iamMatches(String pattern, String arn) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return arn.matches(regex.toString());
    }

    static List<Map<String, Object>> statements(Object policyDocument) {
        return list(map(policyDocument).get("Statement")).stream().map(Templates::map).toList();
    }

    /** Calls {@code visitor} with the value of every mapping entry named {@code key}, at any depth. */
    static void collect(Object node, String key, Consumer<Object> visitor) {
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
    static Stream<String> strings(Object node) {
        if (node instanceof Map<?, ?> mapping) {
            return mapping.entrySet().stream()
                    .flatMap(entry -> Stream.concat(strings(entry.getKey()), strings(entry.getValue())));
        }
        if (node instanceof List<?> sequence) {
            return sequence.stream().flatMap(Templates::strings);
        }
        return node instanceof String text ? Stream.of(text) : Stream.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).as("expected a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    /** A YAML value that may be one item or a list of them, as IAM allows for Action and Resource. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        return node instanceof List ? (List<Object>) node : List.of(node);
    }

    static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    static Map<String, Object> parameterArn(String name) {
        return sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/" + name);
    }

    static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }
}
