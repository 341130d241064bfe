package io.parameterportal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code POST /api/session} as the implicit flow's page sends it: with an id token, or with any body a test makes up. */
public final class SessionRequests {

    private SessionRequests() {
    }

    public static ValidatableResponse postSession(String idToken) {
        return postSessionBody("{\"idToken\":\"" + idToken + "\"}");
    }

    /** With the nonce its sign-in started with, as the page posts every token the hosted UI issued for a nonce. */
    public static ValidatableResponse postSession(String idToken, String nonce) {
        return postSessionBody("{\"idToken\":\"" + idToken + "\",\"nonce\":\"" + nonce + "\"}");
    }

    public static ValidatableResponse postSessionBody(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/session").then();
    }
}
