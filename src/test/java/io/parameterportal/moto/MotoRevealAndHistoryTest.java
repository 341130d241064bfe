package io.parameterportal.moto;

import static io.parameterportal.testing.SessionRequests.postSession;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reveal and history against moto's SSM, a real SSM wire protocol: a view lists a SecureString without its
 * value, {@code /api/parameter} reveals it (and an earlier version, by {@code name:version}) with one
 * GetParameter, {@code /api/history} lists the versions newest first with labels and the diff.
 */
@QuarkusTest
@TestProfile(MotoProfiles.Versions.class)
class MotoRevealAndHistoryTest {

    @InjectMoto
    MotoFixture moto;

    @Test
    void aViewListsTheSecureStringWithoutItsValueAndARevealShowsIt() {
        String name = MotoProfiles.Versions.PATH + "/" + UUID.randomUUID() + "/api-key";
        moto.putVersion(name, "moto-secret-1", ParameterType.SECURE_STRING);
        moto.putVersion(name, "moto-secret-2", ParameterType.SECURE_STRING);
        String idToken = moto.signIn(MotoFixture.USER).idToken();

        String view = postSession(idToken).statusCode(200)
                .body("paths[0].parameters.find { it.name == '" + name + "' }.type", equalTo("SecureString"))
                .body("paths[0].parameters.find { it.name == '" + name + "' }.value", nullValue())
                .extract().asString();
        assertThat(view).doesNotContain("moto-secret");

        AwsCalls before = AwsCalls.now();
        post("/api/parameter", Map.of("idToken", idToken, "name", name)).statusCode(200)
                .body("value", equalTo("moto-secret-2"))
                .body("version", equalTo(2));
        assertThat(AwsCalls.now().since(before)).as("AWS calls of a reveal").isEqualTo(Map.of(AwsCalls.GET_PARAMETER, 1L));

        post("/api/parameter", Map.of("idToken", idToken, "name", name, "version", 1)).statusCode(200)
                .body("value", equalTo("moto-secret-1"));
        post("/api/parameter", Map.of("idToken", idToken, "name", name, "version", 5)).statusCode(404);
    }

    @Test
    void historyListsEveryVersionNewestFirstWithLabelsAndTheDiff() {
        String name = MotoProfiles.Versions.PATH + "/" + UUID.randomUUID() + "/db-url";
        moto.putVersion(name, "host=a\nport=5432", ParameterType.STRING);
        moto.putVersion(name, "host=b\nport=5432", ParameterType.STRING);
        long current = moto.putVersion(name, "host=b\nport=6432", ParameterType.STRING);
        moto.label(name, current, "prod");
        String secure = MotoProfiles.Versions.PATH + "/" + UUID.randomUUID() + "/token";
        moto.putVersion(secure, "moto-token-1", ParameterType.SECURE_STRING);
        String idToken = moto.signIn(MotoFixture.USER).idToken();

        post("/api/history", Map.of("idToken", idToken, "name", name)).statusCode(200)
                .body("versions.version", contains(3, 2, 1))
                .body("versions[0].labels", contains("prod"))
                .body("versions[0].value", equalTo("host=b\nport=6432"))
                .body("versions[0].diff.op", contains("equal", "delete", "insert"))
                .body("versions[0].diff.text", contains("host=b", "port=5432", "port=6432"))
                .body("versions[1].diff.op", contains("delete", "insert", "equal"))
                .body("versions[2].diff", nullValue());

        String history = post("/api/history", Map.of("idToken", idToken, "name", secure)).statusCode(200)
                .body("versions.value", contains(nullValue()))
                .extract().asString();
        assertThat(history).doesNotContain("moto-token");
    }

    private static ValidatableResponse post(String endpoint, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(endpoint).then();
    }
}
