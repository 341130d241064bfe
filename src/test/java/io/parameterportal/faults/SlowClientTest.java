package io.parameterportal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.parameterportal.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A client that declares a body and then withholds it, or trickles it, is cut off after
 * portal.request-read-timeout (2 s in this profile; 30 s by default) with a 408 problem and a closed
 * connection: a few thousand such clients can no longer hold a task's file descriptors.
 */
@QuarkusTest
@TestProfile(FaultProfiles.StandIn.class)
class SlowClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String HEAD = "POST /api/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: 16000\r\n\r\n";

    @Test
    void aWithheldBodyIsCutOffAfterTheReadTimeout() throws Exception {
        long started = System.nanoTime();

        String answer = RawHttp.exchange(RestAssured.port, HEAD + "{\"idTok", Duration.ofSeconds(20));

        Duration held = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("not received in full");
        assertThat(held).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(5));
    }

    @Test
    void aTrickledBodyIsCutOffToo() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(HEAD.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long started = System.nanoTime();
            // One byte every 200 ms: never idle for long, never done.
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (Exception closed) {
                    throw new IllegalStateException(closed);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            Duration held = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(held).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.multipliedBy(5));
        } finally {
            trickle.shutdownNow();
        }
    }
}
