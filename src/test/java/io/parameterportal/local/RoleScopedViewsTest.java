package io.parameterportal.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.local.userpool.LocalAccount;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Different users, different roles, different views, as the local demo data of DESIGN.md: demo (no
 * group) reads /portal/public and is denied /portal/ops; ops (group ops) reads both, the SecureString's
 * value left out (revealed only on request); a user in two groups may pick either role, and only a role their token lists.
 */
@QuarkusTest
class RoleScopedViewsTest {

    private static final String OPS_ROLE = LocalAccount.roleArn("PortalOpsRole");
    private static final String AUDITOR_ROLE = LocalAccount.roleArn("PortalAuditorRole");

    @Inject
    MeterRegistry registry;

    @Test
    void theDemoUserSeesThePublicPathAndIsDeniedTheOpsPath() {
        view(LocalSignIn.idTokenOf("demo", "demo"), null).statusCode(200)
                .body("name", equalTo("Demo User"))
                .body("parameter.value", equalTo("Authenticated"))
                .body("role", nullValue())
                .body("roles", empty())
                .body("paths[0].path", equalTo("/portal/public"))
                .body("paths[0].parameters.name", contains("/portal/public/motd"))
                .body("paths[0].parameters[0].value", equalTo("Welcome to Parameter Portal"))
                .body("paths[0].parameters[0].type", equalTo("String"))
                .body("paths[0].parameters[0].version", equalTo(1))
                .body("paths[0].parameters[0].lastModified", notNullValue())
                .body("paths[1].path", equalTo("/portal/ops"))
                .body("paths[1].denied", equalTo(true))
                .body("paths[1].parameters", nullValue());
    }

    @Test
    void theOpsUserSeesBothPathsWithTheSecureStringsValueLeftOut() {
        view(LocalSignIn.idTokenOf("ops", "ops"), null).statusCode(200)
                .body("name", equalTo("Ops User"))
                .body("role", equalTo(OPS_ROLE))
                .body("roles", contains(OPS_ROLE))
                .body("paths[0].parameters.name", contains("/portal/public/motd"))
                .body("paths[1].denied", nullValue())
                .body("paths[1].parameters.name", contains("/portal/ops/api-key", "/portal/ops/db-url"))
                .body("paths[1].parameters.find { it.name == '/portal/ops/api-key' }.type", equalTo("SecureString"))
                .body("paths[1].parameters.find { it.name == '/portal/ops/api-key' }.value", nullValue())
                .body("paths[1].parameters.find { it.name == '/portal/ops/db-url' }.value",
                        equalTo("postgres://db.internal:5432/app"));
    }

    @Test
    void aUserInTwoGroupsGetsThePreferredRoleAndMayPickTheOther() {
        String token = LocalSignIn.idTokenOf("dual", "dual");

        view(token, null).statusCode(200)
                .body("role", equalTo(OPS_ROLE))
                .body("roles", contains(OPS_ROLE, AUDITOR_ROLE))
                .body("paths[1].parameters.name", hasItem("/portal/ops/api-key"));
        // The auditor role may list /portal/ops but not decrypt its SecureString: a view decrypts nothing, so it
        // sees the listing (a reveal is where KMS says no: RevealAndHistoryTest).
        view(token, AUDITOR_ROLE).statusCode(200)
                .body("role", equalTo(AUDITOR_ROLE))
                .body("paths[0].parameters.name", contains("/portal/public/motd"))
                .body("paths[1].denied", nullValue())
                .body("paths[1].parameters.name", contains("/portal/ops/api-key", "/portal/ops/db-url"));
        view(token, OPS_ROLE).statusCode(200).body("role", equalTo(OPS_ROLE)).body("paths[1].denied", nullValue());
    }

    @Test
    void aRoleTheTokenDoesNotListIs403WithoutAnAwsCall() {
        String token = LocalSignIn.idTokenOf("demo", "demo");
        double before = awsCalls();

        view(token, OPS_ROLE).statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("name", equalTo("Demo User"))
                .body("detail", not(equalTo(null)));

        assertThat(awsCalls()).isEqualTo(before);
    }

    private static ValidatableResponse view(String idToken, String role) {
        Map<String, String> body = new HashMap<>(Map.of("idToken", idToken));
        if (role != null) {
            body.put("role", role);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/session").then();
    }

    private double awsCalls() {
        return registry.find("portal.aws.calls").counters().stream().mapToDouble(Counter::count).sum();
    }
}
