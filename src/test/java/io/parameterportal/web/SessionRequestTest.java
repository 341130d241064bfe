package io.parameterportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

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
    void neitherTokenNorCodeGets400() {
        for (String body : new String[] { "{}", "{\"nonce\":\"n\"}", "{\"idToken\":null}" }) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/session")
                    .then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("title", notNullValue())
                    .body("detail", containsString("neither an id token nor an authorization code"));
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
    void bothTokenAndCodeGet400() {
        given().contentType(ContentType.JSON)
                .body("{\"idToken\":\"a.b.c\",\"code\":\"c\",\"codeVerifier\":\"" + "v".repeat(43) + "\"}")
                .when().post("/api/session")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("both an id token and an authorization code"));
    }

    @Test
    void codeWithoutVerifierOrWithAMalformedOneGets400WithoutEchoingIt() {
        given().contentType(ContentType.JSON).body("{\"code\":\"some-code\"}")
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("codeVerifier"));
        for (String verifier : new String[] { "short-verifier", "v".repeat(129), "v".repeat(42) + "!" }) {
            given().contentType(ContentType.JSON).body("{\"code\":\"some-code\",\"codeVerifier\":\"" + verifier + "\"}")
                    .when().post("/api/session")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("detail", containsString("RFC 7636"))
                    .body(not(containsString(verifier)))
                    .body(not(containsString("some-code")));
        }
    }

    @Test
    void verifierWithoutCodeOrAnEmptyCodeGets400() {
        given().contentType(ContentType.JSON).body("{\"idToken\":\"a.b.c\",\"codeVerifier\":\"" + "v".repeat(43) + "\"}")
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body("{\"code\":\" \",\"codeVerifier\":\"" + "v".repeat(43) + "\"}")
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void codeThatIsNotAStringGets400() {
        given().contentType(ContentType.JSON).body("{\"code\":{\"a\":1},\"codeVerifier\":\"" + "v".repeat(43) + "\"}")
                .when().post("/api/session")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
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
