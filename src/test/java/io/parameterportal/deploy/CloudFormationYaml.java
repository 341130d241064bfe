package io.parameterportal.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML with SnakeYAML. Each short-form tag becomes the long form CloudFormation
 * itself uses, so a test sees one shape whichever form a template author picked:
 * {@code !Ref X} is {@code {Ref: X}}, {@code !Sub s} is {@code {Fn::Sub: s}}, {@code !Condition C}
 * is {@code {Condition: C}}, and {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}.
 */
final class CloudFormationYaml {

    /** Short-form tags of CloudFormation's intrinsic functions (Fn::X) and of its rule functions. */
    static final List<String> FUNCTION_TAGS = List.of(
            "Sub", "GetAtt", "If", "Equals", "Not", "Join", "Select", "Split", "ImportValue", "FindInMap",
            "Base64", "Cidr", "GetAZs", "And", "Or", "Contains", "EachMemberEquals", "EachMemberIn",
            "RefAll", "ValueOf", "ValueOfAll", "Length", "ToJsonString", "Transform");

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path template) {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + template, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        return (Map<String, Object>) yaml().load(text);
    }

    private static Yaml yaml() {
        return new Yaml(new Constructor(new LoaderOptions()));
    }

    private static final class Constructor extends SafeConstructor {

        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Function("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Function("Condition"));
            for (String name : FUNCTION_TAGS) {
                yamlConstructors.put(new Tag("!" + name), new Function("Fn::" + name));
            }
        }

        /** Builds {@code {key: value}} from a tagged node of any kind. */
        private final class Function extends AbstractConstruct {
            private final String key;

            Function(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // The short form of GetAtt takes "Resource.Attribute"; the long form a list.
                    value = key.equals("Fn::GetAtt") ? splitGetAtt(text) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }

            private List<String> splitGetAtt(String text) {
                int dot = text.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("!GetAtt needs Resource.Attribute: " + text);
                }
                return new ArrayList<>(Arrays.asList(text.substring(0, dot), text.substring(dot + 1)));
            }
        }
    }
}
