package io.parameterportal.deploy;

import static io.parameterportal.deploy.Templates.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** deploy/registry.yaml read as data: the image repository. */
class RegistryTemplateTest {

    private final Map<String, Object> registry = registry();

    @Test
    void repositoryScansOnPushKeepsTagsImmutableAndExpiresOldImages() {
        Map<String, Object> repository = properties(registry, "Repository", "AWS::ECR::Repository");

        assertThat(repository.get("ImageScanningConfiguration")).isEqualTo(Map.of("ScanOnPush", true));
        assertThat(repository.get("ImageTagMutability")).isEqualTo("IMMUTABLE");
        String lifecycle = (String) map(map(repository.get("LifecyclePolicy")).get("LifecyclePolicyText")).get("Fn::Sub");
        assertThat(lifecycle).contains("\"type\": \"expire\"");
    }
}
