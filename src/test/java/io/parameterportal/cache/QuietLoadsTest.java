package io.parameterportal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.parameterportal.testing.CapturedLogs;

/** A failed load through {@link QuietLoads}: Caffeine logs nothing, the caller gets the failure, nothing is kept. */
class QuietLoadsTest {

    private final AsyncCache<String, String> cache = Caffeine.newBuilder().executor(Runnable::run).recordStats().buildAsync();
    private final IllegalStateException refusal = new IllegalStateException("NotAuthorizedException: Token is no longer valid");

    @Test
    void aFailedLoadIsTheCallersToReportAndLeavesNothingInTheCache() {
        AtomicInteger loads = new AtomicInteger();
        try (CapturedLogs logs = CapturedLogs.start()) {
            CompletableFuture<String> loaded = cache.get("token", (key, executor) -> {
                loads.incrementAndGet();
                return QuietLoads.quiet(CompletableFuture.failedFuture(new CompletionException(refusal)));
            });

            assertThatThrownBy(loaded::join).satisfies(failure -> assertThat(rootOf(QuietLoads.failure(failure))).isSameAs(refusal));
            assertThat(logs.lines()).as("Caffeine's WARN with a stack trace").noneMatch(line -> line.contains("caffeine"));
        }
        assertThat(cache.synchronous().stats().loadFailureCount()).isEqualTo(1);

        assertThat(cache.get("token", (key, executor) -> QuietLoads.quiet(CompletableFuture.completedFuture("credentials"))).join())
                .as("the next get loads again").isEqualTo("credentials");
        assertThat(loads).hasValue(1);
    }

    @Test
    void withoutItCaffeineWarnsWithTheStackTrace() {
        // The WARN this test provokes is read here, not printed: its stack trace is some 80 lines of the build's log.
        try (CapturedLogs logs = CapturedLogs.offTheConsole("com.github.benmanes.caffeine")) {
            CompletableFuture<String> loaded = cache.get("token", (key, executor) -> CompletableFuture.failedFuture(refusal));

            assertThatThrownBy(loaded::join).hasCause(refusal);
            assertThat(logs.lines()).filteredOn(line -> line.contains("com.github.benmanes.caffeine.cache.LocalAsyncCache"))
                    .singleElement().asString().contains("Exception thrown during asynchronous load", "\tat ");
        }
    }

    private static Throwable rootOf(Throwable failure) {
        return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
    }
}
