package io.parameterportal.moto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between the portal and moto and passes every call on as it came, except that a test can hold the
 * identity pool's {@code GetId} calls until it releases them: how concurrent first views of one user are made
 * to overlap for sure, so that a test proves they share one trade instead of hoping they met.
 */
public final class MotoGate implements AutoCloseable {

    /** Headers the JDK client sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final Duration MAX_HOLD = Duration.ofSeconds(60);

    private final URI moto;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpServer server;
    private final AtomicInteger held = new AtomicInteger();
    private volatile CountDownLatch gate;

    MotoGate(URI moto) throws IOException {
        this.moto = moto;
        // Not port 0: the kernel could hand out the management port of the app about to start.
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", MotoServer.freeLoopbackPort()), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::pass);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, GetId calls wait at the gate until {@link #release()}. */
    public void holdGetId() {
        gate = new CountDownLatch(1);
    }

    /** Lets the held GetId calls through, and those to come. */
    public void release() {
        CountDownLatch open = gate;
        gate = null;
        if (open != null) {
            open.countDown();
        }
    }

    /** GetId calls waiting at the gate now. */
    public int held() {
        return held.get();
    }

    /** Waits until {@code count} GetId calls wait at the gate. */
    public void awaitHeld(int count) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_HOLD.toNanos();
        while (held() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " GetId calls did not arrive within " + MAX_HOLD.toSeconds() + " s; " + held() + " did");
            }
            Thread.sleep(10);
        }
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            CountDownLatch closed = gate;
            if (closed != null && target != null && target.endsWith(".GetId")) {
                held.incrementAndGet();
                try {
                    closed.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    held.decrementAndGet();
                }
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
                if (!HOP_BY_HOP.contains(header.getKey().toLowerCase()) && !header.getKey().startsWith(":")) {
                    exchange.getResponseHeaders().put(header.getKey(), header.getValue());
                }
            }
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
