package io.parameterportal.deploy;

import static io.parameterportal.deploy.Templates.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The template reader: CloudFormation's short-form tags become their long forms. */
class CloudFormationYamlTest {


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
}
