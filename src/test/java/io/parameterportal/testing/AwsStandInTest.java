package io.parameterportal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.AwsStandIn.Fault;

/** The fault tests' stand-in injects exactly the faults asked for: never none by mistake, never a stall that does not stall. */
class AwsStandInTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AwsStandIn aws;

    @BeforeEach
    void start() throws Exception {
        aws = new AwsStandIn();
        aws.start(0);
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void faultControlRefusesUnknownOperationsAndFaultsThatInjectNothing() throws Exception {
        assertThat(control("operation=Jwsk&status=503&type=ServiceUnavailable").statusCode()).isEqualTo(400);
        assertThat(control("status=503&type=ServiceUnavailable").statusCode()).isEqualTo(400);
        assertThat(control("operation=Jwks&status=503").statusCode()).isEqualTo(400);
        assertThat(jwks().statusCode()).as("no fault was set").isEqualTo(200);

        assertThat(control("operation=Jwks&status=503&type=ServiceUnavailable").statusCode()).isEqualTo(200);
        assertThat(jwks().statusCode()).isEqualTo(503);
        assertThat(control("heal").statusCode()).isEqualTo(200);
        assertThat(jwks().statusCode()).isEqualTo(200);
    }

    @Test
    void aHeldCallWaitsForItsReleaseEvenAfterARestart() throws Exception {
        int port = aws.port();
        aws.stop();
        aws.start(port);
        aws.fail("Jwks", Fault.held());

        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(jwksRequest(), HttpResponse.BodyHandlers.ofString());
        aws.awaitStalled("Jwks", 1);
        assertThat(answer).as("answered while held").isNotDone();

        aws.releaseHeld();
        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(aws.stalled("Jwks")).isZero();
    }

    /** The hosted UI quarkus-oidc signs in at (SharedSessionSecretIT, bench/run.sh): a code once, with its verifier; refresh until revoked. */
    @Test
    void theHostedUiRedeemsACodeOnceWithItsVerifierAndRefreshesUntilRevoked() throws Exception {
        String verifier = "v".repeat(43);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI callback = URI.create(authorize(challenge).headers().firstValue("Location").orElseThrow());
        String code = callback.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        assertThat(callback.getQuery()).endsWith("&state=s+1");

        assertThat(token("grant_type=authorization_code&client_id=" + AwsStandIn.CLIENT + "&redirect_uri=https%3A%2F%2Fapp%2Fsignin"
                + "&code=" + code + "&code_verifier=" + "w".repeat(43)).statusCode()).as("another verifier").isEqualTo(400);
        String redeem = "grant_type=authorization_code&client_id=" + AwsStandIn.CLIENT
                + "&redirect_uri=https%3A%2F%2Fapp%2Fsignin&code=" + code + "&code_verifier=" + verifier;
        URI second = URI.create(authorize(challenge).headers().firstValue("Location").orElseThrow());
        String secondCode = second.getQuery().replaceAll(".*code=([^&]+).*", "$1");
        HttpResponse<String> tokens = token(redeem.replace(code, secondCode));
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(tokens.body()).contains("\"id_token\":\"ey", "\"refresh_token\":\"refresh-");
        assertThat(token(redeem.replace(code, secondCode)).statusCode()).as("a code is redeemed once").isEqualTo(400);

        String refreshToken = tokens.body().replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
        String refresh = "grant_type=refresh_token&client_id=" + AwsStandIn.CLIENT + "&refresh_token=" + refreshToken;
        assertThat(token(refresh).statusCode()).isEqualTo(200);
        client.send(post("/oauth2/revoke", "client_id=" + AwsStandIn.CLIENT + "&token=" + refreshToken), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = token(refresh);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
        assertThat(aws.totalAwsCalls()).as("the hosted UI is not an AWS API call").isZero();
    }

    private HttpResponse<String> authorize(String challenge) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/oauth2/authorize?response_type=code&client_id="
                + AwsStandIn.CLIENT + "&redirect_uri=https%3A%2F%2Fapp%2Fsignin&state=s+1&nonce=n&code_challenge=" + challenge
                + "&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String form) throws Exception {
        return client.send(post("/oauth2/token", form), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(aws.endpoint() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private HttpResponse<String> control(String query) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(aws.endpoint() + "/_fault?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> jwks() throws Exception {
        return client.send(jwksRequest(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest jwksRequest() {
        return HttpRequest.newBuilder(URI.create(aws.endpoint() + "/" + AwsStandIn.POOL + "/.well-known/jwks.json")).build();
    }
}
