package io.parameterportal.parameter;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.parameterportal.cache.QuietLoads;
import io.parameterportal.config.PortalConfig;
import io.parameterportal.token.VerifiedIdToken;
import io.smallrye.mutiny.Uni;

/**
 * A user's views, kept for {@code portal.value-cache.ttl} per token and role, so that repeat views
 * inside it make no AWS call at all. The trade-off (docs/roles-and-paths.md): a value or a policy that
 * changes shows up to that long later, and String values sit in this process's memory for that long.
 * A view holds no SecureString value (views decrypt nothing), so neither does this cache; a reveal
 * never comes here. Off ({@code 0s}) by default: then every view reads AWS. Bounded by
 * {@code portal.value-cache.max-size} views; failures are never kept.
 */
@Singleton
public class ValueCache {

    private record View(String tokenDigest, Optional<String> role) {
    }

    private final Optional<AsyncCache<View, ParameterView>> cache;

    ValueCache(PortalConfig.ValueCache config, Ticker ticker, MeterRegistry registry) {
        Duration ttl = config.ttl();
        if (ttl.isZero() || ttl.isNegative()) {
            this.cache = Optional.empty();
            return;
        }
        AsyncCache<View, ParameterView> values = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .recordStats()
                .executor(Runnable::run)
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, values, "portal.values");
        this.cache = Optional.of(values);
    }

    /** The view kept for this token and role, else what {@code read} reads (kept, when it succeeds). */
    public Uni<ParameterView> get(VerifiedIdToken token, Optional<String> role, Supplier<Uni<ParameterView>> read) {
        // A view whose client leaves must not cancel the entry that other views of this token wait on.
        return cache.map(values -> QuietLoads.uni(() -> values.get(new View(token.digest(), role),
                        (view, executor) -> QuietLoads.quiet(read.get().subscribeAsCompletionStage()))))
                .orElseGet(read);
    }
}
