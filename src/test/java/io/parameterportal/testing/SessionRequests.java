package io.parameterportal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code POST /api/session} as the sign-in page sends it, for tests that only vary the token or the code. */
public final class SessionRequests {

    private SessionRequests() {
    }

    /** The code flow's post: the code from the redirect and the verifier this tab kept. */
    public static ValidatableResponse postCode(String code, String codeVerifier) {
        return given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"codeVerifier\":\"" + codeVerifier + "\"}")
                .when().post("/api/session").then();
    }

    public static ValidatableResponse postSession(String idToken) {
        return given().contentType(ContentType.JSON).body("{\"idToken\":\"" + idToken + "\"}")
                .when().post("/api/session").then();
    }
}
