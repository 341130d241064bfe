package io.parameterportal.local.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.testing.LocalAwsClients;
import io.parameterportal.testing.AppProfiles;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** The role's policy comes from config: what it allows is served in SSM's shapes, what it denies reaches the page as 403. */
@QuarkusTest
@TestProfile(AppProfiles.WiderPolicy.class)
class LocalPolicyTest {

    private SsmClient ssm;

    /** Per test: a static @BeforeAll would run before the app restarts with this profile. */
    @BeforeEach
    void signIn() {
        try (var identityPool = LocalAwsClients.identityPool()) {
            ssm = LocalAwsClients.ssm(LocalAwsClients.demoCredentials(identityPool));
        }
    }

    @AfterEach
    void close() {
        ssm.close();
    }

    @Test
    void aSessionWhoseRoleMayNotReadTheParameterIs403NamingTheUser() {
        given().contentType(ContentType.JSON).body(Map.of("idToken", LocalSignIn.demoIdToken()))
                .when().post("/api/session")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(403))
                .body("name", equalTo("Demo User"));
    }

    @Test
    void anAllowedParameterIsRead() {
        assertThat(ssm.getParameter(r -> r.name("other-secret")).parameter().value()).isEqualTo("Not for the demo role");
    }

    @Test
    void anAllowedParameterThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> ssm.getParameter(r -> r.name("missing-one"))).isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void getParametersSplitsFoundFromInvalid() {
        GetParametersResponse response = ssm.getParameters(r -> r.names("other-secret", "missing-one"));

        assertThat(response.parameters()).extracting(Parameter::name, Parameter::value)
                .containsExactly(tuple("other-secret", "Not for the demo role"));
        assertThat(response.invalidParameters()).containsExactly("missing-one");
    }

    @Test
    void getParametersByPathFollowsTheHierarchy() {
        assertThat(ssm.getParametersByPath(r -> r.path("/app")).parameters())
                .extracting(Parameter::name, Parameter::arn)
                .containsExactly(tuple("/app/one", "arn:aws:ssm:us-east-1:000000000000:parameter/app/one"));
        assertThat(ssm.getParametersByPath(r -> r.path("/app").recursive(true)).parameters())
                .extracting(Parameter::name).containsExactly("/app/one", "/app/sub/two");
    }
}
