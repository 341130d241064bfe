package io.parameterportal.moto;

import static io.parameterportal.moto.MotoSessionTest.PROBLEM_JSON;
import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The portal names a parameter moto does not have: a signed-in user gets 404 problem+json. */
@QuarkusTest
@TestProfile(MotoProfiles.MissingParameter.class)
class MotoMissingParameterTest {

    @InjectMoto
    MotoFixture moto;

    @Test
    void aParameterThatDoesNotExistIs404Problem() {
        String idToken = moto.signIn(moto.newUser("Looking User")).idToken();

        AwsCalls before = AwsCalls.now();
        postSession(idToken)
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", is(404))
                .body("title", not(blankOrNullString()))
                .body("detail", not(blankOrNullString()));
        assertThat(AwsCalls.now().since(before)).as("AWS calls of a view of a missing parameter").isEqualTo(Map.of(
                AwsCalls.GET_ID, 1L, AwsCalls.GET_CREDENTIALS, 1L, AwsCalls.GET_PARAMETER, 1L));
    }
}
