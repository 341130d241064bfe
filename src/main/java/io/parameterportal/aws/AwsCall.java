package io.parameterportal.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An AWS SDK call as a {@link Uni} (and a paginated operation as a {@link Multi} of its pages) for a
 * request whose client may leave before the answer. Cancelling the Uni does not cancel the SDK call: the
 * call runs to its end (each is bounded by {@code portal.upstream-timeout}) and its outcome, item or
 * failure, ends here, unseen, so nothing reaches Mutiny's dropped-exception handler; and the pooled
 * connection stays open (an HTTP/1.1 call is cancelled only by closing its connection, which costs the
 * next call a new TLS handshake). Failures are classified ({@link UpstreamFailures#classify}).
 * docs/cancellation.md says why the calls finish rather than stop.
 */
public final class AwsCall {

    private AwsCall() {
    }

    /** {@code call} (e.g. {@code () -> ssm.getParameter(request)}) made once per subscription. */
    public static <T> Uni<T> of(Supplier<CompletableFuture<T>> call) {
        // Mutiny cancels the future it subscribed to: given a copy, it cancels the copy, never the call.
        return Uni.createFrom().completionStage(() -> call.get().copy())
                .onFailure().transform(UpstreamFailures::classify);
    }

    /**
     * Every page of a paginated operation, fetched one after the other as they are consumed, each an
     * {@link #of} call: {@code page} makes the call for a {@code nextToken} ({@code null} for the first
     * page), {@code nextToken} reads it from a page. The SDK's own paginators are not used: their
     * subscription lets the page in flight signal after a cancellation, which Mutiny then drops as an error.
     */
    public static <P> Multi<P> pages(Function<String, CompletableFuture<P>> page, Function<P, String> nextToken) {
        return Multi.createFrom().deferred(() -> {
            AtomicReference<String> next = new AtomicReference<>();
            return Multi.createBy().repeating()
                    .uni(() -> of(() -> page.apply(next.get())).invoke(fetched -> next.set(nextToken.apply(fetched))))
                    .whilst(fetched -> hasMore(nextToken.apply(fetched)));
        });
    }

    /** As the SDK's paginators judge an output token: absent or empty ends the pages. */
    private static boolean hasMore(String token) {
        return token != null && !token.isEmpty();
    }
}
