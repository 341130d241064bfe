package io.parameterportal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code POST /api/session} as the sign-in page sends it: with an id token, with a code, or with any body a test makes up. */
public final class SessionRequests {

    private SessionRequests() {
    }

    /** The code flow's post: the code from the redirect and the verifier this tab kept. */
    public static ValidatableResponse postCode(String code, String codeVerifier) {
        return postSessionBody("{\"code\":\"" + code + "\",\"codeVerifier\":\"" + codeVerifier + "\"}");
    }

    public static ValidatableResponse postSession(String idToken) {
        return postSessionBody("{\"idToken\":\"" + idToken + "\"}");
    }

    public static ValidatableResponse postSessionBody(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/session").then();
    }
}
