package io.parameterportal.local.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parameterportal.local.userpool.LocalAccount;
import io.parameterportal.testing.AuditRecords;
import io.parameterportal.testing.LocalSignIn;
import io.parameterportal.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Secrets only when asked, against the local stand-ins and DESIGN's demo data: a view decrypts nothing and
 * sends no SecureString value; {@code /api/parameter} reveals one value with one decrypting GetParameter;
 * {@code /api/history} lists versions newest first with the diff of String versions; every read writes
 * one audit record.
 */
@QuarkusTest
class RevealAndHistoryTest {

    private static final String API_KEY = "/portal/ops/api-key";
    private static final String API_KEY_VALUE = "demo-api-key-1234";
    private static final String DB_URL = "/portal/ops/db-url";
    private static final String AUDITOR_ROLE = LocalAccount.roleArn("PortalAuditorRole");
    private static final String OPS_ROLE = LocalAccount.roleArn("PortalOpsRole");

    @Inject
    LocalParameterStore store;

    @Inject
    MeterRegistry registry;

    @Test
    void aViewAsOpsDecryptsNothingAndCarriesNoSecureStringValue() {
        String token = LocalSignIn.idTokenOf("ops", "ops");
        long decryptionsBefore = store.decryptions();

        String body = post("/api/session", Map.of("idToken", token)).statusCode(200)
                .body("paths[1].parameters.find { it.name == '" + API_KEY + "' }.type", equalTo("SecureString"))
                .body("paths[1].parameters.find { it.name == '" + API_KEY + "' }.value", nullValue())
                .body("paths[1].parameters.find { it.name == '" + API_KEY + "' }.version", equalTo(2))
                .body("paths[1].parameters.find { it.name == '" + DB_URL + "' }.value", equalTo("postgres://db.internal:5432/app"))
                .body("paths[1].parameters.find { it.name == '" + DB_URL + "' }.version", equalTo(3))
                .body("parameter.value", equalTo("Authenticated"))
                .extract().asString();

        assertThat(body).doesNotContain(API_KEY_VALUE).doesNotContain("demo-api-key").contains("\"value\":null");
        assertThat(store.decryptions()).as("decryptions of a view").isEqualTo(decryptionsBefore);
    }

    @Test
    void aViewSaysWhenTheSessionEnds() throws Exception {
        String token = LocalSignIn.idTokenOf("demo", "demo");
        long exp = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification()
                .build().processToClaims(token).getClaimValue("exp", Long.class);

        post("/api/session", Map.of("idToken", token)).statusCode(200)
                .body("sessionExpiresAt", equalTo(Instant.ofEpochSecond(exp).toString()));
    }

    @Test
    void theAuditorRoleNowSeesTheOpsListingItMayReadButNotDecrypt() {
        post("/api/session", Map.of("idToken", LocalSignIn.idTokenOf("dual", "dual"), "role", AUDITOR_ROLE)).statusCode(200)
                .body("paths[1].denied", nullValue())
                .body("paths[1].parameters.find { it.name == '" + API_KEY + "' }.value", nullValue());
    }

    @Test
    void opsRevealsTheSecureStringWithExactlyOneDecryptingGetParameter() {
        String token = LocalSignIn.idTokenOf("ops", "ops");
        post("/api/session", Map.of("idToken", token)).statusCode(200); // credentials traded and cached: only the reveal remains
        long decryptionsBefore = store.decryptions();
        double getParameterBefore = awsCalls("GetParameter");
        double allBefore = awsCalls(null);

        post("/api/parameter", Map.of("idToken", token, "name", API_KEY)).statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("X-Request-Id", notNullValue())
                .body("name", equalTo(API_KEY))
                .body("type", equalTo("SecureString"))
                .body("value", equalTo(API_KEY_VALUE))
                .body("version", equalTo(2))
                .body("lastModified", notNullValue());

        assertThat(store.decryptions() - decryptionsBefore).as("decryptions of a reveal").isEqualTo(1);
        assertThat(awsCalls("GetParameter") - getParameterBefore).as("GetParameter calls of a reveal").isEqualTo(1);
        assertThat(awsCalls(null) - allBefore).as("AWS calls of a reveal").isEqualTo(1);
    }

    @Test
    void aRevealIsNeverCachedEachOneReadsAws() {
        String token = LocalSignIn.idTokenOf("ops", "ops");
        post("/api/parameter", Map.of("idToken", token, "name", API_KEY)).statusCode(200);
        double before = awsCalls("GetParameter");

        post("/api/parameter", Map.of("idToken", token, "name", API_KEY)).statusCode(200).body("value", equalTo(API_KEY_VALUE));

        assertThat(awsCalls("GetParameter") - before).isEqualTo(1);
    }

    @Test
    void anEarlierVersionIsRevealedWithItsNumber() {
        String token = LocalSignIn.idTokenOf("ops", "ops");

        post("/api/parameter", Map.of("idToken", token, "name", API_KEY, "version", 1)).statusCode(200)
                .body("value", equalTo("demo-api-key-0000"))
                .body("version", equalTo(1));
        post("/api/parameter", Map.of("idToken", token, "name", DB_URL, "version", 2)).statusCode(200)
                .body("value", equalTo("postgres://db.internal:5432/app_staging"));
    }

    @Test
    void aVersionThatDoesNotExistIs404AndAParameterThatDoesNotExist404Too() {
        String token = LocalSignIn.idTokenOf("ops", "ops");

        post("/api/parameter", Map.of("idToken", token, "name", API_KEY, "version", 9)).statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("no such version"));
        post("/api/parameter", Map.of("idToken", token, "name", "/portal/ops/nothing-here")).statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        post("/api/history", Map.of("idToken", token, "name", "/portal/ops/nothing-here")).statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theDemoRoleMayNotReadTheOpsSecret403() {
        post("/api/parameter", Map.of("idToken", LocalSignIn.idTokenOf("demo", "demo"), "name", API_KEY)).statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Access denied"))
                .body("detail", containsString("may not read"))
                .body("name", equalTo("Demo User"));
    }

    @Test
    void aRoleThatMayReadButNotDecryptIsToldSo403() {
        post("/api/parameter", Map.of("idToken", LocalSignIn.idTokenOf("dual", "dual"), "role", AUDITOR_ROLE, "name", API_KEY))
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Decryption denied"))
                .body("detail", containsString("may read this parameter but not decrypt it"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/elsewhere/x", "/portal/opsX", "/portal/ops/../x", "/portal/ops/./api-key", "/portal/ops/",
            "/portal/ops", "/portal/ops//api-key", "", "/portal/ops/api-key\n", "/portal/ops/api\u0000key",
            "/portal/ops/%2e%2e/x", "/portal/ops/api-key:1", "/portal/ops/ünï", "fa-012-authenticated/x" })
    void aNameOutsideTheConfiguredOnesIs400WithoutAnAwsCall(String name) {
        String token = LocalSignIn.idTokenOf("ops", "ops");
        post("/api/session", Map.of("idToken", token)).statusCode(200); // so that a wrong answer could only come from a read
        double before = awsCalls(null);

        for (String endpoint : List.of("/api/parameter", "/api/history")) {
            post(endpoint, Map.of("idToken", token, "name", name)).statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", notNullValue());
        }

        assertThat(awsCalls(null)).isEqualTo(before);
    }

    @Test
    void anOverlongNameIs400() {
        post("/api/parameter", Map.of("idToken", "x.y.z", "name", "/portal/ops/" + "a".repeat(1000))).statusCode(400)
                .body("detail", containsString("longer"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "1.5", "\"2\"", "true", "[1]", "99999999999999999999" })
    void aVersionThatIsNotAPositiveWholeNumberIs400(String version) {
        String body = "{\"idToken\":\"x.y.z\",\"name\":\"" + API_KEY + "\",\"version\":" + version + "}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/parameter").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("positive whole number"));
    }

    @Test
    void aBadTokenIs401WithoutAnAwsCall() {
        double before = awsCalls(null);

        post("/api/parameter", Map.of("idToken", "not.a.token", "name", API_KEY)).statusCode(401).contentType(Problem.MEDIA_TYPE);
        post("/api/history", Map.of("idToken", "not.a.token", "name", DB_URL)).statusCode(401).contentType(Problem.MEDIA_TYPE);

        assertThat(awsCalls(null)).isEqualTo(before);
    }

    @Test
    void noTokenAtAllIs400() {
        post("/api/parameter", Map.of("name", API_KEY)).statusCode(400).body("detail", containsString("no id token"));
        given().contentType(ContentType.JSON).body("[]").when().post("/api/history").then().statusCode(400)
                .body("detail", containsString("not a JSON object"));
    }

    @Test
    void theHistoryOfDbUrlListsThreeVersionsNewestFirstWithTheDiffOfEach() {
        post("/api/history", Map.of("idToken", LocalSignIn.idTokenOf("ops", "ops"), "name", DB_URL)).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("name", equalTo(DB_URL))
                .body("versions.version", contains(3, 2, 1))
                .body("versions.type", contains("String", "String", "String"))
                .body("versions[0].value", equalTo("postgres://db.internal:5432/app"))
                .body("versions[0].labels", contains("prod"))
                .body("versions[0].lastModifiedUser", equalTo("arn:aws:iam::000000000000:user/ops-lead"))
                .body("versions[0].description", equalTo("The application's database"))
                .body("versions[1].labels", contains("staging"))
                .body("versions[2].labels", empty())
                .body("versions[2].lastModifiedUser", equalTo("arn:aws:iam::000000000000:user/developer"))
                .body("versions[0].diff.op", contains("delete", "insert"))
                .body("versions[0].diff.text", contains("postgres://db.internal:5432/app_staging", "postgres://db.internal:5432/app"))
                .body("versions[1].diff.text", contains("postgres://localhost:5432/app", "postgres://db.internal:5432/app_staging"))
                .body("versions[2].diff", nullValue());
    }

    @Test
    void theHistoryOfTheSecureStringCarriesNoValueAndDecryptsNothing() {
        long decryptionsBefore = store.decryptions();

        String body = post("/api/history", Map.of("idToken", LocalSignIn.idTokenOf("ops", "ops"), "name", API_KEY)).statusCode(200)
                .body("versions.version", contains(2, 1))
                .body("versions.type", contains("SecureString", "SecureString"))
                .body("versions.value", contains(nullValue(), nullValue()))
                .body("versions.diff", contains(nullValue(), nullValue()))
                .extract().asString();

        assertThat(body).doesNotContain("demo-api-key").contains("\"value\":null");
        assertThat(store.decryptions()).isEqualTo(decryptionsBefore);
    }

    @Test
    void theDemoRoleMayNotReadTheHistoryOfAnOpsParameter() {
        post("/api/history", Map.of("idToken", LocalSignIn.idTokenOf("demo", "demo"), "name", DB_URL)).statusCode(403)
                .body("detail", containsString("may not read"));
    }

    @Test
    void everyViewRevealAndHistoryReadWritesOneAuditRecordWithItsOutcome() {
        String ops = LocalSignIn.idTokenOf("ops", "ops");
        String demo = LocalSignIn.idTokenOf("demo", "demo");
        String dual = LocalSignIn.idTokenOf("dual", "dual");
        try (AuditRecords audit = AuditRecords.start()) {
            String viewId = post("/api/session", Map.of("idToken", ops)).statusCode(200).extract().header("X-Request-Id");
            String revealId = post("/api/parameter", Map.of("idToken", ops, "name", API_KEY, "version", 1)).statusCode(200)
                    .extract().header("X-Request-Id");
            post("/api/parameter", Map.of("idToken", demo, "name", API_KEY)).statusCode(403);
            post("/api/parameter", Map.of("idToken", dual, "role", AUDITOR_ROLE, "name", API_KEY)).statusCode(403);
            post("/api/parameter", Map.of("idToken", ops, "name", API_KEY, "version", 7)).statusCode(404);
            post("/api/history", Map.of("idToken", ops, "name", DB_URL)).statusCode(200);
            post("/api/history", Map.of("idToken", demo, "name", DB_URL)).statusCode(403);
            post("/api/history", Map.of("idToken", ops, "name", "/portal/ops/gone")).statusCode(404);

            List<Map<String, String>> records = audit.fields();
            assertThat(records).extracting(r -> r.get("event") + " " + r.get("outcome") + " " + r.get("user"))
                    .containsExactly(
                            "view allowed Ops User",
                            "reveal allowed Ops User",
                            "reveal denied Demo User",
                            "reveal denied Dual Role",
                            "reveal missing Ops User",
                            "history allowed Ops User",
                            "history denied Demo User",
                            "history missing Ops User");
            Map<String, String> view = records.get(0);
            assertThat(view).containsEntry("names", "fa-012-authenticated,/portal/public,/portal/ops")
                    .containsEntry("role", OPS_ROLE)
                    .containsEntry("requestId", viewId)
                    .containsKey("sub")
                    .doesNotContainKey("version");
            assertThat(records.get(1)).containsEntry("names", API_KEY).containsEntry("version", "1")
                    .containsEntry("requestId", revealId);
            assertThat(records.get(3)).containsEntry("role", AUDITOR_ROLE);
            assertThat(records).allSatisfy(record -> assertThat(record.get("sub")).isNotBlank());
            assertThat(records).extracting(r -> r.get("requestId")).doesNotHaveDuplicates();
            assertThat(audit.entries()).allSatisfy(entry -> assertThat(entry.message())
                    .doesNotContain(API_KEY_VALUE).doesNotContain("demo-api-key-0000").doesNotContain(ops).doesNotContain(demo)
                    .startsWith("event=" + entry.fields().get("event") + " outcome=" + entry.fields().get("outcome")));
        }
    }

    @Test
    void aRequestRefusedBeforeTheUserIsKnownWritesNoAuditRecord() {
        try (AuditRecords audit = AuditRecords.start()) {
            post("/api/parameter", Map.of("idToken", "not.a.token", "name", API_KEY)).statusCode(401);
            post("/api/parameter", Map.of("idToken", "not.a.token", "name", "/elsewhere/x")).statusCode(400);

            assertThat(audit.entries()).isEmpty();
        }
    }

    private static ValidatableResponse post(String endpoint, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(new HashMap<>(body)).when().post(endpoint).then();
    }

    /** AWS calls the portal made so far, of one operation or (null) all. */
    private double awsCalls(String operation) {
        return registry.find("portal.aws.calls").counters().stream()
                .filter(counter -> operation == null || operation.equals(counter.getId().getTag("operation")))
                .mapToDouble(Counter::count).sum();
    }
}
