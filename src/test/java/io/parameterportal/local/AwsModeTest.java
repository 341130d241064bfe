package io.parameterportal.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.parameterportal.testing.LocalSignIn;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.parameterportal.testing.AppProfiles;

/** In aws mode the stand-ins do not exist: every /local address is 404, whatever is sent. */
@QuarkusTest
@TestProfile(AppProfiles.AwsMode.class)
class AwsModeTest {

    /** The 404s below mean something only from an app that is up and in aws mode: its page links to Cognito's hosted UI. */
    @BeforeEach
    void theAppServesItsPageInAwsMode() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("https://fa-012.auth.us-east-1.amazoncognito.com/"));
    }

    @Test
    void hostedUiIsNotServed() {
        for (String path : new String[] { "/local/login", "/local/oauth2/authorize", "/local/logout" }) {
            given().redirects().follow(false).queryParams(LocalSignIn.oauthParameters(Map.of()))
                    .when().get(path).then().statusCode(404);
        }
        given().redirects().follow(false).formParams(LocalSignIn.oauthParameters(Map.of()))
                .formParam("username", "demo").formParam("password", "demo")
                .when().post("/local/login").then().statusCode(404);
        given().formParam("grant_type", "authorization_code").formParam("client_id", LocalSignIn.CLIENT_ID)
                .formParam("code", "any").when().post("/local/oauth2/token").then().statusCode(404);
    }

    @Test
    void userPoolKeysAreNotServed() {
        given().when().get("/local/us-east-1_LocalDemo/.well-known/jwks.json").then().statusCode(404);
    }

    @Test
    void awsStandInsAreNotServed() {
        for (String target : new String[] { "AWSCognitoIdentityService.GetId", "AmazonSSM.GetParameter" }) {
            given().header("X-Amz-Target", target).contentType("application/x-amz-json-1.1").body("{}".getBytes())
                    .when().post("/local/").then().statusCode(404);
        }
    }
}
