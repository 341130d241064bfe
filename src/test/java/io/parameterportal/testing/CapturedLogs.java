package io.parameterportal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of this JVM, at every level, while open: its category, its message as written and
 * as formatted, each parameter, and the full stack trace of an attached throwable (causes and
 * suppressed ones included) — everything a log handler could print. The levels the records are made at
 * are the test profile's business ({@code quarkus.log.*}); this handler itself takes all.
 *
 * <p>Two kinds of record are the test's own, not the service's, and are left out:
 * <ul>
 * <li>the categories of RestAssured and the Apache HttpClient under it ({@link #TEST_CLIENT_CATEGORIES}):
 * the test's HTTP client runs in this JVM and, at DEBUG, logs the requests it sends — tokens in their
 * bodies — which the service never wrote;</li>
 * <li>records of the AWS SDK's (and HttpURLConnection's) categories made on this thread inside
 * {@link #asTestClient}: an AWS SDK client of the test, signing and sending on the calling thread,
 * logs under the same {@code software.amazon.awssdk} categories as the service's own clients (whose
 * calls run on the service's threads, never on the test's).</li>
 * </ul>
 */
public final class CapturedLogs implements AutoCloseable {

    /** The test's own HTTP client's categories: only RestAssured and Apache HttpClient, which the service does not use. */
    public static final List<String> TEST_CLIENT_CATEGORIES = List.of("org.apache.http", "io.restassured");

    /**
     * The categories of the test's own AWS SDK clients (the SDK, and the JDK's HttpURLConnection under
     * its URL-connection HTTP client): the SDK's are the service's too, so they are left out only on the
     * test's thread during {@link #asTestClient}.
     */
    private static final List<String> TEST_SDK_CLIENT_CATEGORIES = List.of("software.amazon.awssdk", "sun.net.www");

    /** Parts of a token at most this long may occur anywhere by chance; longer ones are the token's. */
    private static final int MAX_HARMLESS_PART = 8;
    /** A piece of a token or secret this long, found in a line, is the token or secret leaking (in a hex dump, say). */
    private static final int FRAGMENT = 12;

    /** How {@link #describe} begins a line of a record at WARN or above. */
    private static final Pattern WARN_OR_ABOVE = Pattern.compile("(WARN|WARNING|ERROR|SEVERE|FATAL) ");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Boolean> testClientCall = ThreadLocal.withInitial(() -> false);
    /** Where the handler hangs: the root, or one category kept off the console meanwhile. */
    private final Logger logger;
    private final boolean parentHandlersBefore;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String category = record.getLoggerName();
            boolean testSdkClient = testClientCall.get() && isIn(TEST_SDK_CLIENT_CATEGORIES, category);
            if (!testSdkClient && !isIn(TEST_CLIENT_CATEGORIES, category)) {
                lines.add(describe(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs(Logger logger, boolean parentHandlersBefore) {
        this.logger = logger;
        this.parentHandlersBefore = parentHandlersBefore;
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /**
     * The configuration under which every category makes records at every level, for a test profile:
     * TRACE for the root category and, by name, for the categories that application.properties or the
     * extensions hold elsewhere (a category's own level beats the root's). The console stays at INFO:
     * the levels decide which records are made, this class reads every one of them.
     */
    public static Map<String, String> everyCategoryAtTrace() {
        Map<String, String> levels = new HashMap<>();
        // Build time: below the minimum level a record is never made, whatever the runtime level says.
        levels.put("quarkus.log.min-level", "TRACE");
        levels.put("quarkus.log.level", "TRACE");
        levels.put("quarkus.log.console.level", "INFO");
        for (String category : new String[] { "io.parameterportal", "org.jose4j", "io.vertx", "io.netty", "io.quarkus",
                "io.smallrye", "org.jboss", "software.amazon.awssdk", "com.github.benmanes.caffeine",
                "com.github.benmanes.caffeine.cache.LocalAsyncCache", "com.fasterxml.jackson", "io.micrometer" }) {
            levels.put("quarkus.log.category.\"" + category + "\".level", "TRACE");
            levels.put("quarkus.log.category.\"" + category + "\".min-level", "TRACE");
        }
        // The categories application.properties holds at INFO at build time because they print secrets:
        // asked for TRACE too, as an operator might ask, to prove that the hold works (Quarkus promotes
        // them back to INFO, with a warning).
        for (String held : new String[] { "software.amazon.awssdk.http.auth.aws.internal.signer",
                "io.netty.handler.logging.LoggingHandler" }) {
            levels.put("quarkus.log.category.\"" + held + "\".level", "TRACE");
        }
        // RestAssured's Apache HttpClient logs the wire, every byte a record, at DEBUG: the test's own
        // client (left out of the capture anyway, see TEST_CLIENT_CATEGORIES), kept quiet so as not to
        // flood it.
        levels.put("quarkus.log.category.\"org.apache.http\".level", "INFO");
        // Quarkus' build machinery runs only while the test app is assembled, never near a request or a
        // token; at TRACE it writes some 30,000 lines of bean discovery into the build's output. Its test
        // harness (io.quarkus.test) likewise: these levels stay in force on the console between app
        // starts, where it logs every test class it loads at DEBUG.
        for (String buildTime : new String[] { "io.quarkus.builder", "io.quarkus.bootstrap", "io.quarkus.deployment",
                "io.quarkus.arc.processor", "io.quarkus.arc.deployment", "io.quarkus.qute.deployment", "io.quarkus.test" }) {
            levels.put("quarkus.log.category.\"" + buildTime + "\".level", "INFO");
        }
        return levels;
    }

    /** Captures from now until {@link #close()}. */
    public static CapturedLogs start() {
        Logger root = Logger.getLogger("");
        return new CapturedLogs(root, root.getUseParentHandlers());
    }

    /**
     * Captures {@code category} (and the categories below it) from now until {@link #close()}, and keeps it off the
     * console meanwhile: for a record the test provokes on purpose, which the test reads and the build log need not show.
     */
    public static CapturedLogs offTheConsole(String category) {
        Logger logger = Logger.getLogger(category);
        boolean before = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        return new CapturedLogs(logger, before);
    }

    /** Runs a call of the test's own AWS SDK client: what it logs on this thread meanwhile is not the service's. */
    public <T> T asTestClient(Supplier<T> call) {
        testClientCall.set(true);
        try {
            return call.get();
        } finally {
            testClientCall.set(false);
        }
    }

    public void asTestClient(Runnable call) {
        asTestClient(() -> {
            call.run();
            return null;
        });
    }

    /** The lines captured so far, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines captured so far at WARN or above (JBoss' WARN, ERROR, FATAL and the JDK's WARNING, SEVERE), in order. */
    public List<String> warningsAndErrors() {
        return lines.stream().filter(line -> WARN_OR_ABOVE.matcher(line).lookingAt()).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlersBefore);
    }

    /**
     * Fails unless something was logged at all, and no line holds any of the {@code tokens}, any of
     * their dot-separated parts longer than {@value #MAX_HARMLESS_PART} characters (the signature
     * above all), or any of the {@code secrets} (credentials, parameter values) — whole, or cut into
     * pieces: a wire log's hex dump shows a request 16 bytes a row, so no row holds a whole part, and
     * any {@value #FRAGMENT}-character piece of one counts as the whole.
     */
    public void assertNoneHolds(Collection<String> tokens, Collection<String> secrets) {
        List<String> captured = lines();
        assertThat(captured).as("log lines captured: the runs were logged at all").isNotEmpty();
        Set<String> forbidden = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token.length() > MAX_HARMLESS_PART) {
                forbidden.add(token);
            }
            Arrays.stream(token.split("\\.", -1)).filter(part -> part.length() > MAX_HARMLESS_PART).forEach(forbidden::add);
        }
        secrets.stream().filter(secret -> secret != null && secret.length() > MAX_HARMLESS_PART).forEach(forbidden::add);
        assertThat(forbidden).as("the secrets to look for").isNotEmpty();

        // Each long secret as its pieces (one hash look-up per position of a line); short ones whole.
        Map<String, String> pieces = new HashMap<>();
        List<String> whole = new ArrayList<>();
        for (String secret : forbidden) {
            if (secret.length() < FRAGMENT) {
                whole.add(secret);
                continue;
            }
            for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
                pieces.putIfAbsent(secret.substring(i, i + FRAGMENT), secret);
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String line : captured) {
            String found = null;
            for (int i = 0; found == null && i + FRAGMENT <= line.length(); i++) {
                String piece = pieces.containsKey(line.substring(i, i + FRAGMENT)) ? line.substring(i, i + FRAGMENT) : null;
                if (piece != null) {
                    found = piece;
                    leaks.add("holds " + abbreviate(pieces.get(piece)) + " (at least \"" + piece.substring(0, 4) + "…\"): "
                            + line.replace(piece, "<<HERE>>"));
                }
            }
            for (int i = 0; found == null && i < whole.size(); i++) {
                if (line.contains(whole.get(i))) {
                    found = whole.get(i);
                    leaks.add("holds " + abbreviate(found) + ": " + line.replace(found, "<<HERE>>"));
                }
            }
        }
        assertThat(leaks).as("log lines holding a token, a part of one, or a secret (of %d lines)", captured.size()).isEmpty();
    }

    /** Fails when a line matches {@code pattern}: a secret's shape, for secrets the test cannot know. */
    public void assertNoneMatches(Pattern pattern, String what) {
        List<String> matching = lines().stream().filter(line -> pattern.matcher(line).find()).toList();
        assertThat(matching).as("log lines holding %s", what).isEmpty();
    }

    private static boolean isIn(List<String> categories, String category) {
        return category != null && categories.stream()
                .anyMatch(prefix -> category.equals(prefix) || category.startsWith(prefix + "."));
    }

    /** All a handler could print of the record, on one "line" (stack traces keep their line breaks). */
    private static String describe(LogRecord record) {
        StringWriter line = new StringWriter()
                .append(String.valueOf(record.getLevel())).append(' ')
                .append(String.valueOf(record.getLoggerName())).append(' ')
                .append('[').append(threadName(record)).append("] ");
        line.append(formatted(record));
        // The raw message and each parameter too: a formatter that ignores some parameters, or a pattern
        // that prints them another way, must not hide one.
        line.append(" | raw: ").append(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" | parameter: ").append(describeParameter(parameter));
            }
        }
        if (record.getThrown() != null) {
            line.append('\n');
            record.getThrown().printStackTrace(new PrintWriter(line));
        }
        return line.toString();
    }

    private static String formatted(LogRecord record) {
        try {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
        } catch (RuntimeException e) {
            return "(unformattable: " + e + ") " + record.getMessage();
        }
    }

    private static String describeParameter(Object parameter) {
        if (parameter instanceof Throwable thrown) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
        if (parameter instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        try {
            return String.valueOf(parameter);
        } catch (RuntimeException e) {
            return "(toString failed: " + e + ")";
        }
    }

    private static String threadName(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getThreadName() : Thread.currentThread().getName();
    }

    private static String abbreviate(String secret) {
        return secret.length() <= 12 ? "\"" + secret + "\"" : "\"" + secret.substring(0, 6) + "…" + secret.substring(secret.length() - 4)
                + "\" (" + secret.length() + " chars)";
    }
}
