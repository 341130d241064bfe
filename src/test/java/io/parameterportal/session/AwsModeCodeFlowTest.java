package io.parameterportal.session;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.parameterportal.testing.AppProfiles;

/**
 * The code flow in aws mode: quarkus-oidc builds {@code redirect_uri} from the request's Host, so sign-in and sign-out
 * answer only requests addressed to {@code PORTAL_PUBLIC_URL}, so the redirect to the hosted UI names that URL.
 */
@QuarkusTest
@TestProfile(AppProfiles.AwsModeCodeFlow.class)
class AwsModeCodeFlowTest {

    @Test
    void signInAndSignOutRefuseAHostOtherThanThePublicUrls() {
        for (String path : new String[] { "/login", "/signin", "/logout" }) {
            given().redirects().follow(false).header("Host", "evil.example").when().get(path)
                    .then().statusCode(421);
        }
    }
}
