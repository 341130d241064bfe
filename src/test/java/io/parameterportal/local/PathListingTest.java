package io.parameterportal.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.LocalAwsClients;
import io.parameterportal.testing.LocalSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.parameterportal.testing.AppProfiles;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * A path is listed page after page (SSM answers 10 at a time), recursively, up to the configured
 * limit, and the listing says when it stopped short; the local SSM pages as SSM does.
 */
@QuarkusTest
@TestProfile(AppProfiles.ManyParameters.class)
class PathListingTest {

    @Test
    void pathsAreListedAcrossPagesUpToTheLimitWhichIsSaid() {
        given().contentType(ContentType.JSON).body(Map.of("idToken", LocalSignIn.demoIdToken()))
                .when().post("/api/session")
                .then().statusCode(200)
                .body("paths[0].path", equalTo("/portal/many"))
                .body("paths[0].parameters", hasSize(AppProfiles.ManyParameters.LIMIT))
                .body("paths[0].parameters[19].name", equalTo("/portal/many/p20"))
                .body("paths[0].truncated", equalTo(true))
                .body("paths[1].path", equalTo("/portal/few"))
                .body("paths[1].parameters", hasSize(12))
                .body("paths[1].truncated", nullValue());
    }

    @Test
    void theLocalSsmPagesByMaxResultsAndNextToken() {
        try (var identityPool = LocalAwsClients.identityPool();
                SsmClient ssm = LocalAwsClients.ssm(LocalAwsClients.demoCredentials(identityPool))) {
            List<String> names = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                String token = next;
                GetParametersByPathResponse page = ssm.getParametersByPath(r -> r.path("/portal/many").maxResults(7).nextToken(token));
                assertThat(page.parameters()).hasSizeLessThanOrEqualTo(7);
                page.parameters().stream().map(Parameter::name).forEach(names::add);
                next = page.nextToken();
                pages++;
            } while (next != null);

            assertThat(pages).isEqualTo(4);
            assertThat(names).hasSize(25).isSorted().doesNotHaveDuplicates();
            assertThat(ssm.getParametersByPath(r -> r.path("/portal/few")).parameters()).isEmpty();
            assertThat(ssm.getParametersByPath(r -> r.path("/portal/few").recursive(true)).parameters()).hasSize(10);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ssm.getParametersByPath(r -> r.path("/portal/many").maxResults(11)))
                    .isInstanceOf(SsmException.class).hasMessageContaining("maxResults");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ssm.getParametersByPath(r -> r.path("/portal/many").nextToken("bm90LWEtbmFtZQ")))
                    .isInstanceOf(SsmException.class).hasMessageContaining("nextToken");
        }
    }
}
