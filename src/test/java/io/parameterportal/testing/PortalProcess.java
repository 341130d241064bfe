package io.parameterportal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code target/quarkus-app}, as the image runs it) in a JVM of its own, for a test that needs more
 * than one instance: two ECS tasks behind one load balancer, say. Binds loopback on a port of its own choosing, which
 * is read from Quarkus' start line; its console (plain text, not the prod profile's JSON) is kept for the test to read.
 * Build the jar first ({@code ./mvnw verify} runs the integration tests after {@code package}).
 */
public final class PortalProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:/]+:(\\d+)");
    private static final long START_SECONDS = 120;

    private final String name;
    private final Process process;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;

    private PortalProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::readConsole, "console of " + name);
        reader.setDaemon(true);
    }

    /** Starts the jar with {@code settings} as its environment (on top of this JVM's); returns once it listens. */
    public static PortalProcess start(String name, Map<String, String> settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: package the app first (./mvnw package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-jar", JAR.toString()).redirectErrorStream(true);
        builder.environment().putAll(settings);
        builder.environment().putAll(Map.of("QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_MANAGEMENT_HOST", "127.0.0.1", "QUARKUS_MANAGEMENT_PORT", "0",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        PortalProcess portal = new PortalProcess(name, builder.start());
        portal.reader.start();
        try {
            portal.port.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            portal.close();
            throw new IllegalStateException("interrupted while " + name + " started", e);
        } catch (ExecutionException | TimeoutException e) {
            portal.close();
            throw new IllegalStateException(name + " did not start: " + String.join("\n", portal.console), e);
        }
        return portal;
    }

    /** Every line of its console until it ends; the port once Quarkus names it, a failure if it ends before. */
    private void readConsole() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                console.add(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException ended) {
            // the process was stopped
        }
        port.completeExceptionally(new IllegalStateException(name + " ended"));
    }

    /** {@code http://127.0.0.1:<port>}: where to send its requests. */
    public String address() {
        return "http://127.0.0.1:" + port.join();
    }

    /** Its console so far; after {@link #close()}, all of it. */
    public List<String> console() {
        return List.copyOf(console);
    }

    /** Stops it, and returns once its console has been read to the end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
