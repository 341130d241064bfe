package io.parameterportal.cache;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Async cache loads whose failures are the caller's to report. Caffeine logs every failed load at WARN
 * with its stack trace, except a cancellation or a timeout; an AWS refusal is an expected outcome that
 * the caller answers and logs once (ProblemMapper). So a failed load reaches the cache as a
 * cancellation carrying the failure, which Caffeine drops silently (still counted as a load failure),
 * and {@link #failure} gives the caller the failure itself again.
 */
public final class QuietLoads {

    private QuietLoads() {
    }

    /**
     * {@code load}, failing with a cancellation that carries its failure. Completed by hand: a dependent
     * stage (exceptionallyCompose, say) would wrap the cancellation in a CompletionException, which
     * Caffeine logs again.
     */
    public static <V> CompletableFuture<V> quiet(CompletionStage<V> load) {
        CompletableFuture<V> quiet = new CompletableFuture<>();
        load.whenComplete((value, failure) -> {
            if (failure == null) {
                quiet.complete(value);
            } else {
                quiet.completeExceptionally(new FailedLoad(failure));
            }
        });
        return quiet;
    }

    /**
     * The cache's entry as a Uni failing with the load's own failure. A subscriber that leaves cancels a copy,
     * never the entry itself, which other callers of the same key may be waiting on.
     */
    public static <V> Uni<V> uni(Supplier<CompletableFuture<V>> entry) {
        return Uni.createFrom().completionStage(() -> entry.get().copy()).onFailure().transform(QuietLoads::failure);
    }

    /** The failure a {@link #quiet} load carried, or {@code failure} itself when it is another one. */
    public static Throwable failure(Throwable failure) {
        return failure instanceof FailedLoad failed ? failed.getCause() : failure;
    }

    private static final class FailedLoad extends CancellationException {

        FailedLoad(Throwable failure) {
            initCause(failure);
        }
    }
}
