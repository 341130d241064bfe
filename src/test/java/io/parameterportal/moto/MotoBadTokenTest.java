package io.parameterportal.moto;

import static io.parameterportal.moto.MotoSessionTest.PROBLEM_JSON;
import static io.parameterportal.testing.SessionRequests.postSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.stream.Stream;

import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.parameterportal.moto.MotoFixture.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bad id tokens, most of them made from a genuine moto sign-in: each is a 401 problem with a
 * sentence saying why, and none reaches AWS (no change of {@code portal.aws.calls}). Tokens that
 * must carry a valid signature are re-signed with moto's own private key (kid {@code dummy}), so the
 * one wrong thing about them is the claim the case changes.
 */
@QuarkusTest
@TestProfile(MotoProfiles.Seeded.class)
class MotoBadTokenTest {

    @InjectMoto
    MotoFixture moto;

    @FunctionalInterface
    interface BadToken {
        String make(MotoFixture moto, Tokens genuine);
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                bad("garbage", (m, t) -> "this-is-not-a-jwt"),
                bad("two parts", (m, t) -> MotoTokens.firstParts(t.idToken(), 2)),
                bad("four parts", (m, t) -> t.idToken() + ".AAAA"),
                bad("the refresh token", (m, t) -> t.refreshToken()),
                bad("the access token from InitiateAuth (token_use=access)", (m, t) -> t.accessToken()),
                bad("expired, signed by moto's key", (m, t) -> MotoTokens.resignedByMoto(m, t.idToken(), MotoTokens::expire)),
                bad("wrong aud, signed by moto's key",
                        (m, t) -> MotoTokens.resignedByMoto(m, t.idToken(), c -> c.setAudience("someotherappclient"))),
                bad("wrong iss, signed by moto's key", (m, t) -> MotoTokens.resignedByMoto(m, t.idToken(),
                        c -> c.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Elsewhere"))),
                bad("issuer of the moto endpoint instead of AWS's, signed by moto's key", (m, t) -> MotoTokens.resignedByMoto(m,
                        t.idToken(), c -> c.setIssuer(m.endpoint() + "/" + m.userPoolId()))),
                bad("not yet valid (nbf in an hour), signed by moto's key", (m, t) -> MotoTokens.resignedByMoto(m, t.idToken(),
                        c -> c.setNotBefore(NumericDate.fromSeconds(MotoTokens.now() + 3600)))),
                bad("genuine id token of another app client of the pool", (m, t) -> m.signInAtOtherClient().idToken()),
                bad("genuine id token of another user pool", (m, t) -> m.signInAtOtherUserPool().idToken()),
                bad("signed by another RSA key with moto's kid", (m, t) -> MotoTokens.signedByAnotherKey(m, t.idToken())),
                bad("signed by a key the pool does not publish", (m, t) -> MotoTokens.signedWithUnknownKid(t.idToken())),
                bad("alg none", (m, t) -> MotoTokens.unsigned(t.idToken())),
                bad("HS256 keyed with the pool's public key", (m, t) -> MotoTokens.hmacWithPublicKey(m, t.idToken())),
                bad("tampered payload (name changed, signature kept)",
                        (m, t) -> MotoTokens.tampered(t.idToken(), "\"Moto User\"", "\"Administrator\"")),
                bad("tampered payload (sub changed, signature kept)",
                        (m, t) -> MotoTokens.tampered(t.idToken(), "\"sub\":\"", "\"sub\":\"0")));
    }

    private static Arguments bad(String kind, BadToken maker) {
        return Arguments.of(kind, maker);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenIs401ProblemWithAReasonAndNoAwsCall(String kind, BadToken maker) {
        String token = maker.make(moto, moto.signIn(MotoFixture.USER));

        AwsCalls before = AwsCalls.now();
        String detail = postSession(token)
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("status", is(401))
                .body("title", not(blankOrNullString()))
                .body("detail", not(blankOrNullString()))
                .extract().path("detail");
        assertThat(AwsCalls.now().since(before)).as("AWS calls caused by a bad token (%s)", kind).isEmpty();
        assertThat(detail).as("the detail is a sentence, not the token").doesNotContain(token);
    }

    /**
     * The control for the cases above: moto's key, re-signing a genuine token's claims unchanged, is
     * accepted. So the crafted tokens fail for their one change, not for the signing.
     */
    @Test
    void aGenuineTokenResignedWithMotosKeyUnchangedIsAccepted() {
        String token = MotoTokens.resignedByMoto(moto, moto.signIn(MotoFixture.USER).idToken(), claims -> {
        });

        postSession(token).statusCode(200).body("name", equalTo("Moto User"));
    }

    @Test
    void motoSignsWithTheKeyItsJwksPublishes() {
        assertThat(MotoTokens.headerJson(moto.signIn(MotoFixture.USER).idToken()))
                .contains("\"kid\"")
                .contains("\"" + moto.signingKey().getKeyId() + "\"");
    }
}
