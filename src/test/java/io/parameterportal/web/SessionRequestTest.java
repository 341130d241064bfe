package io.parameterportal.web;

import static io.parameterportal.testing.SessionRequests.postSessionBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.LocalSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Requests refused before any token check or AWS call: their answers are problem+json with a sentence. */
@QuarkusTest
class SessionRequestTest {

    @Test
    void bodyThatIsNotJsonGets400() {
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/session")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("detail", containsString("not a JSON object"));
    }

    @Test
    void emptyBodyGets400() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void jsonArrayGets400() {
        given().contentType(ContentType.JSON).body("[1,2]")
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutATokenGets400() {
        for (String body : new String[] { "{}", "{\"nonce\":\"n\"}", "{\"idToken\":null}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/session")
                    .then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("title", notNullValue())
                    .body("detail", containsString("no id token"));
        }
    }

    @Test
    void emptyTokenGets401() {
        given().contentType(ContentType.JSON).body("{\"idToken\":\"\"}")
                .when().post("/api/session")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("reason", equalTo("MISSING"))
                .body("detail", containsString("No id token"));
    }

    @Test
    void theRemovedCodeExchangesBodyGets400WithoutEchoingIt() {
        for (String body : new String[] { "{\"code\":\"some-code\",\"codeVerifier\":\"" + "v".repeat(43) + "\"}",
                "{\"idToken\":\"a.b.c\",\"code\":\"some-code\"}", "{\"code\":{\"a\":1}}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/session")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("not a JSON object of the form"))
                    .body(not(containsString("some-code")));
        }
    }

    @Test
    void aTokenIssuedWithANonceIsRefusedWithoutItAndATokenWithoutOneIsJudgedWithout() {
        String withNonce = LocalSignIn.signIn(Map.of("nonce", "n-7")).get("id_token");
        String withoutNonce = LocalSignIn.signIn(Map.of()).get("id_token");

        postSessionBody("{\"idToken\":\"" + withNonce + "\"}").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("nonce"));
        postSessionBody("{\"idToken\":\"" + withNonce + "\",\"nonce\":\"another\"}").statusCode(401)
                .body("reason", equalTo("NONCE_MISMATCH"));
        postSessionBody("{\"idToken\":\"" + withNonce + "\",\"nonce\":\"n-7\"}").statusCode(200);
        postSessionBody("{\"idToken\":\"" + withoutNonce + "\"}").statusCode(200);
    }

    @Test
    void garbageTokenGets401WithoutEchoingIt() {
        given().contentType(ContentType.JSON).body("{\"idToken\":\"garbage-token-value\"}")
                .when().post("/api/session")
                .then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body(not(containsString("garbage-token-value")));
    }

    @Test
    void bodyOver16KiBGets413Problem() {
        String huge = "{\"idToken\":\"" + "a".repeat(17 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/session")
                .then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(413))
                .body("detail", containsString("larger than 16 KiB"));
    }

    @Test
    void wrongMethodGetsProblem() {
        given().when().get("/api/session")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unknownApiPathGetsProblem() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }
}
