package io.parameterportal.deploy;

import static io.parameterportal.deploy.Templates.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The security-relevant promises that span the CloudFormation templates in {@code deploy/}, read as
 * data; each template's own are in {@link CognitoTemplateTest}, {@link RegistryTemplateTest} and
 * {@link ServiceTemplateTest}. Plain JUnit (no Quarkus boot): the templates are files next to the
 * sources. cfn-lint ({@code deploy/lint.sh}) checks them against the resource schemas; these tests check intent.
 */
class DeployTemplatesTest {

    private final Map<String, Object> cognito = cognito();
    private final Map<String, Object> registry = registry();
    private final Map<String, Object> service = service();

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
}
