package io.parameterportal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.parameterportal.testing.CapturedLogs;
import io.parameterportal.testing.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@value LoadProfile#USERS} users, half of them in the ops group, each signed in through the local hosted
 * UI, view the parameter over and over for {@code load.seconds} (60 by default) on loopback, signing in
 * again every {@value #VIEWS_PER_TOKEN} requests (token churn: each new token is traded afresh), and leaving
 * every {@value #LEAVE_EVERY}th request before its answer (the whole request sent, or cut off in its body).
 * No answer may be an error, the app may log no ERROR, and the heap after a full GC does not grow past a
 * small bound. Runs in the Maven profile {@code load} (see the README).
 */
@Tag("load")
@QuarkusTest
@TestProfile(LoadProfile.class)
class LocalModeLoadTest {

    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));
    /**
     * About a tenth of the slowest run measured (332 views/s, README): a busy machine passes it, a service
     * that serialises its users (a lock, a blocked event loop, a pool of one) does not.
     */
    private static final long MIN_VIEWS_PER_SECOND = 30;
    /**
     * Growth of the heap after a full GC across the load. The test JVM also holds the framework and
     * every earlier test profile's application, so growth, not the total, is what the app is judged by.
     */
    private static final long HEAP_GROWTH_BOUND_MB = 32;
    private static final Pattern ID_TOKEN = Pattern.compile("[#&]id_token=([^&]+)");
    /** A user signs in again (a new token, a new credential trade) every this many requests. */
    private static final int VIEWS_PER_TOKEN = 25;
    /** Every this many requests, the user's client leaves before the answer. */
    private static final int LEAVE_EVERY = 10;

    @TestHTTPResource("/")
    URI app;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(8))
            .build();

    @Test
    void twoHundredChurningUsersForAMinuteWithoutErrorsAndWithoutHeapGrowth() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < LoadProfile.USERS; i++) {
            tokens.add(signIn(i));
        }

        long heapBeforeMb = heapAfterFullGcMb();
        AtomicLong ok = new AtomicLong();
        AtomicLong signIns = new AtomicLong();
        AtomicLong left = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + DURATION.toNanos();
        ExecutorService users = Executors.newFixedThreadPool(LoadProfile.USERS);
        List<Future<?>> running = new ArrayList<>();
        List<String> appErrors;
        List<String> appWarnings;
        try (CapturedLogs logs = CapturedLogs.start()) {
            for (int i = 0; i < LoadProfile.USERS; i++) {
                int user = i;
                running.add(users.submit(() -> {
                    String token = tokens.get(user);
                    for (int request = 1; System.nanoTime() < deadline; request++) {
                        if (request % VIEWS_PER_TOKEN == 0) {
                            token = signIn(user);
                            signIns.incrementAndGet();
                        }
                        // Now and then with a token just signed in, whose credential trade is left mid-way.
                        if (request % LEAVE_EVERY == 0) {
                            leave(token, request % (2 * LEAVE_EVERY) == 0);
                            left.incrementAndGet();
                        } else {
                            count(view(token, user), ok, errors);
                        }
                    }
                    // The last request answered after the last one left: what it left behind has run by then.
                    count(view(token, user), ok, errors);
                    return null;
                }));
            }
            for (Future<?> user : running) {
                user.get();
            }
            users.shutdown();
            appErrors = logs.warningsAndErrors().stream().filter(line -> !line.startsWith("WARN")).toList();
            appWarnings = logs.warningsAndErrors().stream().filter(line -> line.startsWith("WARN")).toList();
        }

        long heapMb = heapAfterFullGcMb();
        String report = String.format("load: %d users x %d s: %d ok (%.0f req/s), %d sign-ins, %d left before the answer, "
                        + "errors %s; app log: %d ERROR, %d WARN; heap after full GC %d MB before, %d MB after%n",
                LoadProfile.USERS, DURATION.toSeconds(), ok.get(), ok.get() / (double) DURATION.toSeconds(), signIns.get(),
                left.get(), errors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", "{", "}")),
                appErrors.size(), appWarnings.size(), heapBeforeMb, heapMb);
        System.out.print(report);
        Files.writeString(Path.of("target", "load-report.txt"), report);

        assertThat(errors).as("errors under load").isEmpty();
        assertThat(appErrors).as("ERROR lines in the app's log under load").isEmpty();
        assertThat(ok.get()).as("successful views").isGreaterThanOrEqualTo(MIN_VIEWS_PER_SECOND * DURATION.toSeconds());
        assertThat(signIns.get()).as("sign-ins during the load: tokens churned").isPositive();
        assertThat(left.get()).as("requests left before their answer").isPositive();
        assertThat(heapMb - heapBeforeMb).as("heap growth in MB after a full GC").isLessThan(HEAP_GROWTH_BOUND_MB);
    }

    private static void count(String outcome, AtomicLong ok, Map<String, AtomicLong> errors) {
        if (outcome == null) {
            ok.incrementAndGet();
        } else {
            errors.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Sends a view and closes the connection at once: the whole request, or only half of its body. */
    private void leave(String token, boolean cutOffInTheBody) {
        String request = RawHttp.postJson("/api/session", "{\"idToken\":\"" + token + "\"}");
        try {
            RawHttp.sendAndLeave(app.getPort(), cutOffInTheBody ? request.substring(0, request.length() - token.length() / 2) : request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long heapAfterFullGcMb() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** Signs user {@code i} in at the local hosted UI, as the browser would, and takes the id token from the redirect. */
    private String signIn(int i) throws IOException, InterruptedException {
        Map<String, String> form = Map.of(
                "response_type", "token",
                "client_id", "localdemoclient",
                "redirect_uri", app.resolve("/signin").toString(),
                "scope", "openid profile",
                "username", LoadProfile.username(i),
                "password", LoadProfile.password(i));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.resolve("/local/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in of %s", LoadProfile.username(i)).isEqualTo(302);
        Matcher token = ID_TOKEN.matcher(response.headers().firstValue("Location").orElseThrow());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** @return null when the view succeeded (with the user's name, and /portal/ops listed only for ops), else what went wrong */
    private String view(String token, int user) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.resolve("/api/session"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"idToken\":\"" + token + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "status " + response.statusCode();
            }
            boolean opsListed = response.body().contains("/portal/ops/db-url");
            return response.body().contains("\"name\":\"" + LoadProfile.displayName(user) + "\"") && opsListed == LoadProfile.ops(user)
                    ? null : "wrong body";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
