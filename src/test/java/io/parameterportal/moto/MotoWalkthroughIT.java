package io.parameterportal.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs docs/moto-walkthrough.md's walk-through as written, against the packaged jar,
 * and checks that it prints the line the page promises.
 *
 * <p>The block is the fenced {@code sh} block right after the line starting with
 * {@value #MARKER}; its last line is {@code # <the expected output>}. It runs unchanged with
 * {@code bash -euxo pipefail} in a fresh directory under {@code target/} that holds only a link to
 * {@code target/quarkus-app}, so its relative jar path and its {@code moto.log} / {@code portal.log}
 * work there. Its ports come from the variables the page tells users to set when 5000, 8080 or 9000
 * are taken ({@code MOTO_PORT}, {@code QUARKUS_HTTP_PORT}, {@code QUARKUS_MANAGEMENT_PORT}), set here to
 * free ones; other AWS_*, PORTAL_* and QUARKUS_* variables and the user's AWS CLI files are hidden, as
 * in a new user's shell.
 *
 * <p>The block leaves moto and the app running in the background, so bash runs in a session of its own
 * ({@code setsid}) and every process of that session is stopped afterwards, whatever happened: TERM,
 * then KILL, each wait bounded. Without python3 + moto, the AWS CLI, curl or setsid the test fails, naming
 * what to install: never skipped, as the README promises, so that a machine missing a tool cannot pass it.
 */
class MotoWalkthroughIT {

    static final String MARKER = "<!-- moto-walkthrough:";
    private static final Path WALKTHROUGH = Path.of("docs/moto-walkthrough.md");
    private static final Path APP_DIR = Path.of("target", "quarkus-app");

    private static final Duration TOOL_CHECK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WALKTHROUGH_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** The walk-through block of the page and the line it promises to print last. */
    record Walkthrough(String script, String expectedLastLine, int firstLine) {

        static Walkthrough read(Path readme) throws IOException {
            List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
            List<Integer> markers = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(MARKER)) {
                    markers.add(i);
                }
            }
            if (markers.size() != 1) {
                throw new IllegalStateException(readme + " must mark exactly one block with a line starting " + MARKER
                        + ", found " + markers.size());
            }
            int open = markers.get(0) + 1;
            if (open >= lines.size() || !lines.get(open).equals("```sh")) {
                throw new IllegalStateException("line " + (open + 1) + " of " + readme + " must open the walk-through block with ```sh");
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            if (close >= lines.size() || close == open + 1) {
                throw new IllegalStateException("the walk-through block opened on line " + (open + 1) + " of " + readme
                        + " is empty or never closed");
            }
            List<String> block = lines.subList(open + 1, close);
            String last = block.get(block.size() - 1);
            if (!last.startsWith("# ")) {
                throw new IllegalStateException("the walk-through block must end with the promised output as a comment ('# ...'),"
                        + " line " + close + " of " + readme + " is: " + last);
            }
            return new Walkthrough(String.join("\n", block) + "\n", last.substring(2), open + 2);
        }
    }

    @Test
    void printsWhatTheReadmePromises() throws Exception {
        Walkthrough walkthrough = Walkthrough.read(WALKTHROUGH);
        requireTools();
        Path jar = APP_DIR.resolve("quarkus-run.jar");
        assertThat(jar).as("the packaged app (failsafe runs after package; by hand: ./mvnw package -DskipTests)").isRegularFile();

        Path dir = Files.createTempDirectory(Path.of("target"), "moto-walkthrough-");
        Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(dir.resolve(APP_DIR), APP_DIR.toAbsolutePath());
        Path script = Files.writeString(dir.resolve("walkthrough.sh"), walkthrough.script(), StandardCharsets.UTF_8);
        Path stdout = dir.resolve("stdout.txt");
        Path trace = dir.resolve("trace.txt");
        int[] ports = freeLoopbackPorts(3);

        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-euxo", "pipefail", script.getFileName().toString())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(trace.toFile());
        freshShell(builder.environment(), dir, ports);

        long started = System.nanoTime();
        Process bash = builder.start();
        // setsid execs in place (the JVM's child leads no process group), so the session id is bash's pid.
        long session = bash.pid();
        Thread stopOnExit = new Thread(() -> stopSession(session), "moto-walkthrough-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Integer exit = null;
        List<String> survivors;
        try {
            if (bash.waitFor(WALKTHROUGH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = bash.exitValue();
            }
        } finally {
            survivors = stopSession(session);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds nothing left to stop
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("moto walk-through: %s after %.1f s (ports moto %d, app %d, management %d) in %s%n",
                exit == null ? "timed out" : "exit " + exit, took.toMillis() / 1000.0, ports[0], ports[1], ports[2], dir);

        String report = report(walkthrough, dir, exit);
        assertThat(survivors).as("processes of the walk-through still alive after TERM and KILL%s", report).isEmpty();
        if (exit == null) {
            fail("the moto walk-through did not finish within " + WALKTHROUGH_TIMEOUT.toSeconds() + " s" + report);
        }
        assertThat(exit).as("exit status of the moto walk-through (bash -euxo pipefail)%s", report).isZero();
        List<String> printed = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertThat(printed).as("what the walk-through printed%s", report).isNotEmpty();
        assertThat(printed.get(printed.size() - 1))
                .as("the walk-through's last line, promised by docs/moto-walkthrough.md (block from line %d)%s", walkthrough.firstLine(), report)
                .matches(asPattern(walkthrough.expectedLastLine()));
        for (int port : ports) {
            assertThat(listening(port)).as("something still listens on port %d after the walk-through was stopped", port).isFalse();
        }
        deleteTree(dir);
    }

    /** The promised line as a pattern: literal, but for each "…", which stands for a value that changes per run (a time). */
    static java.util.regex.Pattern asPattern(String promised) {
        StringBuilder pattern = new StringBuilder();
        String[] parts = promised.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            pattern.append(i > 0 ? "[^\"]+" : "").append(java.util.regex.Pattern.quote(parts[i]));
        }
        return java.util.regex.Pattern.compile(pattern.toString());
    }

    /** The environment of a new user's shell: none of the settings the block makes, and no AWS CLI files. */
    private static void freshShell(Map<String, String> env, Path dir, int[] ports) {
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("PORTAL_") || name.startsWith("QUARKUS_")
                || name.equals("MOTO_PORT"));
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toAbsolutePath().toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toAbsolutePath().toString());
        env.put("MOTO_PORT", Integer.toString(ports[0]));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports[1]));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports[2]));
        // The block says `java`: the one running this build, so the jar runs on the JDK it was built for.
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        env.put("PATH", javaBin + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** Fails, in CI and outside it, naming each missing tool and how to install it. */
    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        requireTool(missing, "python3 with moto's server (pip install 'moto[server]')", "python3", "-c", "import moto, moto.server, flask");
        requireTool(missing, "the AWS CLI (pip install awscli, or AWS CLI v2)", "aws", "--version");
        requireTool(missing, "curl (apt-get install -y curl)", "curl", "--version");
        requireTool(missing, "setsid (apt-get install -y util-linux)", "setsid", "--version");
        if (missing.isEmpty()) {
            return;
        }
        String message = "The moto walk-through needs " + String.join(", ", missing)
                + ": install what is missing, then run the tests again.";
        fail(message + " (A missing tool fails this test, never skips it.)");
    }

    private static void requireTool(List<String> missing, String what, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TOOL_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                missing.add(what + " [" + command[0] + " did not answer within " + TOOL_CHECK_TIMEOUT.toSeconds() + " s]");
            } else if (process.exitValue() != 0) {
                missing.add(what + " [" + String.join(" ", command) + " exited with " + process.exitValue() + "]");
            }
        } catch (IOException e) {
            missing.add(what + " [" + command[0] + " not found]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for " + command[0], e);
        }
    }

    /**
     * Stops every process of the session: TERM, then KILL for those still alive after {@link #STOP_TIMEOUT}.
     * Answers those that survived both.
     */
    static List<String> stopSession(long session) {
        for (boolean force : new boolean[] { false, true }) {
            List<ProcessHandle> members = sessionMembers(session);
            if (members.isEmpty()) {
                return List.of();
            }
            for (ProcessHandle member : members) {
                System.out.printf("walk-through: %s pid %d %s%n", force ? "KILL" : "TERM", member.pid(),
                        member.info().commandLine().orElse("?"));
                if (force) {
                    member.destroyForcibly();
                } else {
                    member.destroy();
                }
            }
            try {
                CompletableFuture.allOf(members.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                        .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                // the next round (KILL), or the answer, deals with them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sessionMembers(session).stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }

    /** Live processes whose session id (field 6 of /proc/&lt;pid&gt;/stat) is {@code session}. */
    private static List<ProcessHandle> sessionMembers(long session) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.isAlive() && sessionOf(p.pid()) == session).toList();
        }
    }

    private static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses, so count from its end
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    private static int[] freeLoopbackPorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** What a reader of a failure needs: exit, output, bash's trace, the two logs (their ends). */
    private static String report(Walkthrough walkthrough, Path dir, Integer exit) {
        StringBuilder report = new StringBuilder("\n--- walk-through block run in ").append(dir.toAbsolutePath())
                .append(" (kept when the test fails), exit ").append(exit == null ? "none (timed out)" : exit)
                .append("; expected last line: ").append(walkthrough.expectedLastLine());
        for (String file : List.of("stdout.txt", "trace.txt", "moto.log", "portal.log")) {
            report.append("\n--- ").append(file).append(" (last lines)\n").append(tail(dir.resolve(file), 25));
        }
        return report.toString();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + (Files.exists(file) ? "unreadable: " + e.getMessage() : "not written") + ")";
        }
    }

    /** Deletes the run's directory; the link to target/quarkus-app goes, never what it points to. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
