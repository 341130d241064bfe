package io.parameterportal.load;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@value LoadProfile#USERS} users, each signed in through the local hosted UI, view the parameter
 * over and over for {@code load.seconds} (60 by default) on loopback: no error may occur, and the heap
 * after a full GC does not grow past a small bound. Runs in the Maven profile {@code load} (see the README).
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

    @TestHTTPResource("/")
    URI app;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(8))
            .build();

    @Test
    void twoHundredUsersForAMinuteWithoutErrorsAndWithoutHeapGrowth() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < LoadProfile.USERS; i++) {
            tokens.add(signIn(i));
        }

        long heapBeforeMb = heapAfterFullGcMb();
        AtomicLong ok = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + DURATION.toNanos();
        ExecutorService users = Executors.newFixedThreadPool(LoadProfile.USERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < LoadProfile.USERS; i++) {
            int user = i;
            running.add(users.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String outcome = view(tokens.get(user), LoadProfile.displayName(user));
                    if (outcome == null) {
                        ok.incrementAndGet();
                    } else {
                        errors.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> user : running) {
            user.get();
        }
        users.shutdown();

        long heapMb = heapAfterFullGcMb();
        String report = String.format("load: %d users x %d s: %d ok (%.0f req/s), errors %s; heap after full GC %d MB before, %d MB after%n",
                LoadProfile.USERS, DURATION.toSeconds(), ok.get(), ok.get() / (double) DURATION.toSeconds(),
                errors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}")),
                heapBeforeMb, heapMb);
        System.out.print(report);
        Files.writeString(Path.of("target", "load-report.txt"), report);

        assertThat(errors).as("errors under load").isEmpty();
        assertThat(ok.get()).as("successful views").isGreaterThanOrEqualTo(MIN_VIEWS_PER_SECOND * DURATION.toSeconds());
        assertThat(heapMb - heapBeforeMb).as("heap growth in MB after a full GC").isLessThan(HEAP_GROWTH_BOUND_MB);
    }

    private static long heapAfterFullGcMb() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** Signs user {@code i} in at the local hosted UI, as the browser would, and takes the id token from the redirect. */
    private String signIn(int i) throws Exception {
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

    /** @return null when the view succeeded, else what went wrong */
    private String view(String token, String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.resolve("/api/session"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"idToken\":\"" + token + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "status " + response.statusCode();
            }
            return response.body().contains("\"name\":\"" + name + "\"") ? null : "wrong body";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
