package io.parameterportal.moto;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs a real moto server ({@code python3 -m moto.server}) on a free loopback port for the life of
 * one Quarkus test profile, seeds it like the fa-012 tutorial (user pool, app client, user, identity
 * pool, parameter) and points the portal at it in {@code aws} mode. The seeded world is injected into
 * test fields of type {@link MotoFixture} annotated {@link InjectMoto}.
 *
 * <p>Init argument {@value #PARAMETER_NAME_ARG}: the parameter the portal is told to show (default
 * {@value MotoFixture#PARAMETER}); only {@value MotoFixture#PARAMETER} is ever created, so naming
 * another one gives a portal whose parameter does not exist.
 *
 * <p>Without python3 or moto's server this fails, never skips: the message says what to install.
 */
public class MotoServer implements QuarkusTestResourceLifecycleManager {

    public static final String PARAMETER_NAME_ARG = "parameter-name";

    public static final String HOSTED_UI_DOMAIN = "fa-012.auth.us-east-1.amazoncognito.com";
    /** The portal's public origin in these tests: links must come from it, never from the request. */
    public static final String PUBLIC_URL = "https://portal.example.test";

    private static final Duration PYTHON_CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Path LOG = Path.of("target", "moto.log");

    private String parameterName = MotoFixture.PARAMETER;
    private Process process;
    private Thread killOnExit;
    private MotoFixture fixture;
    private MotoGate gate;

    @Override
    public void init(Map<String, String> initArgs) {
        parameterName = initArgs.getOrDefault(PARAMETER_NAME_ARG, MotoFixture.PARAMETER);
    }

    @Override
    public Map<String, String> start() {
        Path motoDir = requireMoto();
        int port = freeLoopbackPort();
        String endpoint = "http://127.0.0.1:" + port;
        process = launch(port);
        killOnExit = new Thread(this::kill, "moto-server-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        awaitHttp(endpoint);
        try {
            fixture = MotoFixture.seed(URI.create(endpoint), motoDir);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException("moto started at " + endpoint + " but could not be seeded (see " + LOG.toAbsolutePath()
                    + "): " + e, e);
        }
        try {
            gate = new MotoGate(URI.create(endpoint));
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("could not open the gate in front of moto: " + e, e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("portal.mode", "aws");
        config.put("portal.region", MotoFixture.REGION);
        config.put("portal.user-pool-id", fixture.userPoolId());
        config.put("portal.client-id", fixture.clientId());
        config.put("portal.identity-pool-id", fixture.identityPoolId());
        config.put("portal.hosted-ui-domain", HOSTED_UI_DOMAIN);
        config.put("portal.public-url", PUBLIC_URL);
        config.put("portal.parameter-name", parameterName);
        // Through the gate: a test can hold the identity pool's calls there (MotoGate).
        config.put("portal.aws-endpoint", gate.endpoint());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(fixture, new TestInjector.AnnotatedAndMatchesType(InjectMoto.class, MotoFixture.class));
        injector.injectIntoFields(gate, new TestInjector.AnnotatedAndMatchesType(InjectMoto.class, MotoGate.class));
    }

    @Override
    public void stop() {
        if (gate != null) {
            gate.close();
            gate = null;
        }
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
        kill();
        if (killOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it does the same
            }
            killOnExit = null;
        }
    }

    private void kill() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Checks that python3 can run moto's server; answers moto's install directory (its signing key lives there). */
    private static Path requireMoto() {
        String check = "import os, moto, moto.server; print(os.path.dirname(moto.__file__))";
        String out;
        int exit;
        try {
            Process python = new ProcessBuilder("python3", "-c", check).redirectErrorStream(true).start();
            if (!python.waitFor(PYTHON_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                python.destroyForcibly();
                throw missingMoto("python3 did not answer within " + PYTHON_CHECK_TIMEOUT.toSeconds() + " s");
            }
            out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            exit = python.exitValue();
        } catch (IOException e) {
            throw missingMoto("python3 could not be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for moto", e);
        }
        if (exit != 0) {
            throw missingMoto("python3 cannot import moto's server; python3 said:\n" + out);
        }
        List<String> lines = out.lines().toList();
        return Path.of(lines.get(lines.size() - 1));
    }

    private static IllegalStateException missingMoto(String why) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String install = ci
                ? "The moto tests need a real moto server, and this CI machine has none: its setup must run"
                        + " pip install 'moto[server]' (moto 5.x, for python3) before the build."
                : "The moto tests need a real moto server: install it with pip install 'moto[server]'"
                        + " (moto 5.x, for python3), then run the tests again.";
        return new IllegalStateException(install + " Cause: " + why);
    }

    /**
     * A loopback port free now, never the moto profiles' management port ({@link MotoProfiles#isManagementPort}):
     * the kernel hands out a port no one holds, and that one is free whenever no app runs. Should it be handed out,
     * it is held while the kernel hands out another.
     */
    static int freeLoopbackPort() {
        try (ServerSocket first = loopbackSocket()) {
            if (!MotoProfiles.isManagementPort(first.getLocalPort())) {
                return first.getLocalPort();
            }
            try (ServerSocket second = loopbackSocket()) {
                return second.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for moto", e);
        }
    }

    private static ServerSocket loopbackSocket() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static Process launch(int port) {
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, "==== " + Instant.now() + " moto on 127.0.0.1:" + port + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start python3 -m moto.server: " + e.getMessage(), e);
        }
    }

    /** Polls until moto answers any HTTP request, the process dies, or the deadline passes. */
    private void awaitHttp(String endpoint) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        String lastError = "no attempt";
        try {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto exited with " + process.exitValue() + " before answering; see "
                            + LOG.toAbsolutePath());
                }
                try {
                    http.send(ping, HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    lastError = notYet.toString();
                }
                // Waits on the process, not a bare sleep: returns at once if moto dies.
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while waiting for moto", e);
        }
        stop();
        throw new IllegalStateException("moto did not answer at " + endpoint + " within " + STARTUP_TIMEOUT.toSeconds()
                + " s (last error: " + lastError + "); see " + LOG.toAbsolutePath());
    }
}
