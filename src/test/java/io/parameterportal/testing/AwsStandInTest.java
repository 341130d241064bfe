package io.parameterportal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
