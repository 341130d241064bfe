package io.parameterportal.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** {@code POST /api/session} as the sign-in page sends it, for tests that only vary the token. */
public final class SessionRequests {

    private SessionRequests() {
    }

    public static ValidatableResponse postSession(String idToken) {
        return given().contentType(ContentType.JSON).body("{\"idToken\":\"" + idToken + "\"}")
                .when().post("/api/session").then();
    }
}
